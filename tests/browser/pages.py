"""Every public page type, with the content of both bundled municipalities (see fixtures/*.yaml)."""

HERNING_POLICY = "/herning/politikker/boerne-og-ungepolitik/"
LYNGBY_POLICY = "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/"
PROVISION_19_2 = "/retsgrundlag/serviceloven/par-19-stk-2/"

# (name of the screenshot, path, expected status). The search page is reached through its form
# (see open_page in test_accessibility.py), so that the test does not guess the query parameter.
PAGES = [
    ("forside", "/", 200),
    ("kommune-herning", "/herning/", 200),
    ("kommune-lyngby-taarbaek", "/lyngby-taarbaek/", 200),
    ("politik-herning", HERNING_POLICY, 200),
    ("politik-lyngby-taarbaek", LYNGBY_POLICY, 200),
    ("tema-herning", HERNING_POLICY + "dannelse/", 200),
    ("tema-lyngby-taarbaek", LYNGBY_POLICY + "inklusion-og-faellesskab/", 200),
    ("strategi-herning-meningsfulde-faellesskaber", "/herning/strategier/meningsfulde-faellesskaber/", 200),
    ("strategi-herning-herningmodellen", "/herning/strategier/herningmodellen/", 200),
    ("strategi-herning-inklusionsstrategi", "/herning/strategier/inklusionsstrategi-2016-2020/", 200),
    ("maal-herning", "/herning/maal/", 200),
    ("maal-lyngby-taarbaek", "/lyngby-taarbaek/maal/", 200),
    ("maal-herning-filtreret", "/herning/maal/?grundlag=barnets-lov/par-15-stk-1&sorter=-maal", 200),
    ("maalspor-herning", "/herning/maal/maalspor-alle-boern-del-af-faellesskabet/", 200),
    ("budgetmaal-herning", "/herning/maal/budgetmaal-styrket-inklusion/", 200),
    ("sammenlign", "/sammenlign/", 200),
    ("aendringer-herning", "/herning/aendringer/", 200),
    ("organisation-herning", "/herning/organisation/", 200),
    ("organisation-lyngby-taarbaek", "/lyngby-taarbaek/organisation/", 200),
    ("enhed-herning", "/herning/organisation/cbl/", 200),
    ("enhed-lyngby-taarbaek", "/lyngby-taarbaek/organisation/but/", 200),
    ("retsgrundlag", "/retsgrundlag/", 200),
    ("retskilde-serviceloven", "/retsgrundlag/serviceloven/", 200),
    ("bestemmelse-serviceloven-par-19-stk-2", PROVISION_19_2, 200),
    ("daekning", "/daekning/", 200),
    ("soeg-faellesskab", "/soeg/", 200),
    # The search page's other states, by their address: a misspelling ("Mente du"), a parent's word
    # with synonyms, no results, both filters chosen, and only stop words.
    ("soeg-mente-du", "/soeg/?q=bornehave", 200),
    ("soeg-synonymer", "/soeg/?q=mobning", 200),
    ("soeg-ingen-resultater", "/soeg/?q=xylofonkvartet&kommune=herning", 200),
    ("soeg-filtre", "/soeg/?q=trivsel&kommune=herning&slags=Vi+vil", 200),
    ("soeg-smaa-ord", "/soeg/?q=og+i", 200),
    ("om-siden", "/om-siden/", 200),
    ("tilgaengelighedserklaering", "/tilgaengelighed/", 200),
    ("aabne-data", "/api/v1/dokumentation/", 200),
    ("404", "/denne-side-findes-ikke/", 404),
]

SEARCH_PAGE = "soeg-faellesskab"
SEARCH_TERM = "fællesskab"
