"""The data catalogue entry: DCAT-AP-DK's fields as JSON-LD, so that the data set can be
listed in a catalogue such as the Danish public data portal (data.gov.dk)."""

from django.http import JsonResponse
from django.urls import reverse

from api.bulk import LICENCE
from api.resources import RESOURCES
from api.views import public_headers
from organisation.models import Municipality

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"


def _distribution(url, title, media_type, file_type, schema):
    return {
        "@type": "dcat:Distribution",
        "dct:title": {"@language": "da", "@value": title},
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media_type}"},
        "dct:format": {"@id": f"{EU}file-type/{file_type}"},
        "dct:license": {"@id": LICENCE},
        "dct:conformsTo": {"@id": schema},
    }


def catalog(request):
    def absolute(name, **kwargs):
        return request.build_absolute_uri(reverse(name, kwargs=kwargs))

    docs = absolute("api-docs")
    schema = absolute("api-schema")
    distributions = [
        _distribution(absolute("api-root"), "API (JSON), version 1", "application/json", "JSON", schema)
    ]
    distributions += [
        _distribution(
            absolute("api-csv", key=resource.key), f"{resource.key}.csv", "text/csv", "CSV", docs + "#csv"
        )
        for resource in RESOURCES
    ]
    distributions += [
        _distribution(
            absolute("api-municipality-json", municipality=municipality.slug),
            f"{municipality.name} (JSON)",
            "application/json",
            "JSON",
            schema,
        )
        for municipality in Municipality.objects.all()
    ]
    dataset = {
        "@type": "dcat:Dataset",
        "@id": docs + "#datasaet",
        "dct:identifier": docs + "#datasaet",
        "dct:title": {"@language": "da", "@value": "Kommunernes børne- og ungepolitikker"},
        "dct:description": {
            "@language": "da",
            "@value": (
                "Børne- og ungepolitikker med temaer, »Vi vil«-punkter, strategier, politiske mål og "
                "opfølgningen på dem, den organisation, der udfører dem, og de love og konventioner, "
                "de hviler på. Kun offentliggjort indhold."
            ),
        },
        "dcat:keyword": [
            {"@language": "da", "@value": word}
            for word in ("børnepolitik", "ungepolitik", "kommune", "mål", "opfølgning", "retsgrundlag")
        ],
        "dcat:theme": [{"@id": f"{EU}data-theme/SOCI"}, {"@id": f"{EU}data-theme/GOVE"}],
        "dct:language": {"@id": f"{EU}language/DAN"},
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/DNK"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": "policyhub"},
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": "policyhub",
            "vcard:hasURL": {"@id": docs},
        },
        "dct:accessRights": {"@id": f"{EU}access-right/PUBLIC"},
        "dct:license": {"@id": LICENCE},
        "dcat:landingPage": {"@id": docs},
        "foaf:page": {"@id": docs},
        "dct:accrualPeriodicity": {"@id": f"{EU}frequency/IRREG"},
        "dcat:distribution": distributions,
    }
    body = {
        "@context": CONTEXT,
        "@type": "dcat:Catalog",
        "@id": request.build_absolute_uri(request.path),
        "dct:title": {"@language": "da", "@value": "policyhub – åbne data"},
        "dct:description": {"@language": "da", "@value": "Datakatalog for policyhub."},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": "policyhub"},
        "dct:license": {"@id": LICENCE},
        "foaf:homepage": {"@id": request.build_absolute_uri("/")},
        "dcat:dataset": [dataset],
    }
    response = JsonResponse(
        body, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    return public_headers(response)
