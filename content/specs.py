"""What each kind of item in the files may hold: {key: validator}.

One dict per kind, so that an unknown key, a missing one or a malformed value
is reported the same way everywhere. A key mapped to None holds a nested list
or mapping that the reader validates with its own spec.
"""

from content.fields import (
    Ref,
    boolean,
    choice,
    date,
    email,
    nonempty_text,
    positive_int,
    slug,
    text,
    url,
    year,
)
from legal.models import Instrument, LegalReference, Verification
from organisation.models import OrganisationUnit, Person, PoliticalBody, SourceDocument
from policies.models import Policy, SuccessorOutlook

SOURCE_SPEC = {
    "key": slug,
    "title": nonempty_text,
    "kind": choice(SourceDocument.Kind),
    "seed_file": text,
    "description": text,
}
BODY_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "kind": choice(PoliticalBody.Kind),
    "description": text,
    "source": Ref("source"),
}
UNIT_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "abbreviation": text,
    "kind": choice(OrganisationUnit.Kind),
    "description": text,
    "source": Ref("source"),
    "serves": None,
    "core_tasks": None,
    "children": None,
}
PERSON_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "role": choice(Person.Role),
    "job_title": nonempty_text,
    "unit": Ref("unit"),
    "body": Ref("body"),
    "phone": text,
    "email": email,
    "source": Ref("source"),
}
BASIS_SPEC = {
    "instrument": Ref("instrument"),
    "provision": slug,
    "relation": choice(LegalReference.Relation),
    "citation": text,
    "source": Ref("source"),
    "editorial": boolean,
}
RESPONSIBLE = {"responsible_unit": Ref("unit"), "responsible_body": Ref("body")}
ITEM_SPEC = {"text": nonempty_text, "source": Ref("source"), **RESPONSIBLE, "legal_basis": None}
QUOTE_SPEC = {"text": nonempty_text, "speaker_role": text, "context": text, "source": Ref("source")}
# Only a quote outside the themes has a place of its own: in the introduction, or after the themes.
POLICY_QUOTE_SPEC = {**QUOTE_SPEC, "after_themes": boolean}
VALUE_SPEC = {"name": nonempty_text, "tagline": text, "text": text, "source": Ref("source")}
ACTOR_SPEC = {"group": text, "name": nonempty_text, "responsibility": nonempty_text, "source": Ref("source")}
SECTION_SPEC = {"heading": text, "text": nonempty_text, "source": Ref("source")}
# A paragraph that another document than the item's own says about it, with that document as source.
PASSAGE_SPEC = {"heading": text, "text": nonempty_text, "source": Ref("source")}
THEME_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "number": positive_int,
    "subtitle": text,
    "text": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "sections": None,
    "commitments": None,
    "initiatives": None,
    "key_messages": None,
    "quotes": None,
    "legal_basis": None,
}
POLICY_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "status": choice(Policy.Status),
    "status_note": text,
    "successor_outlook": choice(SuccessorOutlook),
    "period_start": year,
    "period_end": year,
    "adopted_by": Ref("body"),
    "predecessor": Ref("policy"),
    "foreword": text,
    "foreword_by": Ref("person"),
    "introduction": text,
    "purpose": text,
    "vision": text,
    "children_view_title": text,
    "children_view": text,
    "actors_introduction": text,
    "implementation": text,
    "evaluation": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "values": None,
    "quotes": None,
    "themes": None,
    "actors": None,
    "passages": None,
    "legal_basis": None,
}
STRATEGY_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "kind_label": text,
    "policy": Ref("policy"),
    "period_start": year,
    "period_end": year,
    "purpose": text,
    "description": text,
    "components_introduction": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "themes": None,
    "components": None,
    "passages": None,
    "legal_basis": None,
}
STRATEGY_PART_SPEC = {"title": nonempty_text, "text": text, "source": Ref("source"), "legal_basis": None}
GOAL_TRACK_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "policy": Ref("policy"),
    "set_by": Ref("body"),
    **RESPONSIBLE,
    "description": text,
    "period_start": year,
    "period_end": year,
    "source": Ref("source"),
    "sub_goals": None,
    "legal_basis": None,
}
COUNCIL_SPEC = {
    "text": nonempty_text,
    "policy": Ref("policy"),
    **RESPONSIBLE,
    "source": Ref("source"),
    "legal_basis": None,
}
BUDGET_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "from_year": year,
    "policy": Ref("policy"),
    **RESPONSIBLE,
    "description": text,
    "source": Ref("source"),
    "legal_basis": None,
}
MUNICIPALITY_SPEC = {"name": nonempty_text, "slug": slug, "website": url, "description": text}
MUNICIPALITY_FILE_SPEC = {
    "municipality": None,
    "sources": None,
    "bodies": None,
    "units": None,
    "people": None,
    "policies": None,
    "strategies": None,
    "goal_tracks": None,
    "council_commitments": None,
    "budget_goals": None,
}

INSTRUMENT_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "short_title": nonempty_text,
    "kind": choice(Instrument.Kind),
    "bindingness": choice(Instrument.Bindingness),
    "identifier": url,
    "identifier_note": text,
    "citation": text,
    "adopted_on": date,
    "in_force_on": date,
    "repealed_on": date,
    "dates_note": text,
    "summary": nonempty_text,
    "verification": choice(Verification),
    "verification_note": text,
    "checked_on": date,
    "consolidations": None,
    "provisions": None,
}
CONSOLIDATION_SPEC = {
    "label": nonempty_text,
    "dated": date,
    "identifier": url,
    "verification": choice(Verification),
    "verification_note": text,
}
PROVISION_SPEC = {
    "slug": slug,
    "label": nonempty_text,
    "heading": text,
    "summary": nonempty_text,
    "verification": choice(Verification),
    "verification_note": text,
    "replaced_by": text,
    "replaced_on": date,
}
KEY_MESSAGE_SPEC = {"text": nonempty_text, "source": Ref("source")}
