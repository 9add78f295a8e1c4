"""The overview's rows, and the goal page's responsible and progress, are built in Python
(overview/templatetags/goal_table.py); they must give the markup that the templates they replaced
gave, kept here as the oracle."""

import datetime

import pytest
from django.template import Context, Template

from chrome.templatetags.options import options
from goals.models import FollowUp, GoalTrack, SubGoal
from organisation.models import OrganisationUnit
from overview.templatetags.goal_table import goal_rows
from policies.models import Commitment

pytestmark = pytest.mark.django_db

OVERVIEW = "/herning/maal/"

# The responsible and the progress as includes/responsible.html and includes/progress.html wrote them.
RESPONSIBLE = Template(
    "{% load i18n %}{% with responsible=responsibility.responsible %}{% if responsible %}"
    '{% if path %}<span class="unit-path">{{ path }} ›</span> {% endif %}'
    '{% if responsible.tree_id %}<a href="'
    "{% url 'overview:unit' municipality.slug responsible.slug %}\">{{ responsible.name }}</a>"
    "{% else %}{{ responsible.name }}{% endif %}"
    '{% if responsibility.is_inherited %} <span class="inherited">'
    "{% with parent=responsibility.inherited_from %}"
    "{% blocktranslate with parent=parent.title|default:parent %}via {{ parent }}{% endblocktranslate %}"
    '{% endwith %}</span>{% endif %}{% else %}<span class="muted">'
    '{% translate "ikke angivet i dokumenterne" %}</span>{% endif %}{% endwith %}'
    "\n"  # the file ended with a line break, which the rows keep
)
PROGRESS = Template(
    "{% load i18n %}"
    '{% if progress is not None %}<span class="progress-value"><progress'
    ' max="100" value="{{ progress }}" aria-hidden="true"></progress> {{ progress }} %</span>'
    '{% if computed %}<span class="progress-note">'
    "{% blocktranslate count counter=roll_up.counted %}beregnet ud fra {{ counter }}"
    " delmål{% plural %}beregnet ud fra {{ counter }} delmål{% endblocktranslate %}</span>"
    '{% endif %}{% else %}<span class="muted">–<span class="sr-only"> '
    '{% translate "ingen fremdrift angivet" %}</span></span>{% endif %}'
    "\n"  # the file ended with a line break, which the rows keep
)
# The row as the template language wrote it before it was built in Python.
ROWS = Template(
    """{% load i18n %}{% for row in rows %}<tr id="{{ row.anchor }}">
  <td data-title="{% translate "Mål" %}" class="goal-cell"><a href="{{ row.url }}">{{ row.text }}</a></td>
  <td data-title="{% translate "Type" %}">{{ row.kind_label }}</td>
  <td data-title="{% translate "Politik og tema" %}" class="context-cell">{% if row.policy %}"""
    """<a href="{{ row.policy_url }}">{{ row.policy.title }}</a>{% endif %}{% if row.theme %} › """
    """<a href="{{ row.parent_url }}">{{ row.theme.title }}</a>{% elif row.track %} › """
    """<a href="{{ row.parent_url }}">{{ row.track.title }}</a>{% endif %}"""
    """{% if not row.policy and not row.theme and not row.track %}"""
    """<span class="muted">{% translate "ingen politik" %}</span>{% endif %}</td>
  <td data-title="{% translate "Ansvarlig" %}">{% include responsible_template with """
    """responsibility=row.responsibility path=row.responsible_path compact=True %}</td>
  <td data-title="{% translate "Periode eller frist" %}">{% if row.deadline %}{% translate "frist" %} """
    """{{ row.deadline|date:"j.n.Y" }}{% else %}{{ row.period_label|default:"–" }}{% endif %}</td>
  <td data-title="{% translate "Status" %}"><span class="tag status-tag status-{{ row.status_key }}">"""
    """{{ row.status_label }}</span></td>
  <td data-title="{% translate "Fremdrift" %}">{% include progress_template with """
    """progress=row.progress computed=row.progress_is_computed roll_up=row.roll_up %}</td>
  <td data-title="{% translate "Retsgrundlag" %}" class="basis-cell">"""
    """{% for instrument in row.instruments %}"""
    """<a href="{{ instrument.get_absolute_url }}">{{ instrument.short_title }}</a>"""
    """{% if not forloop.last %}, {% endif %}{% empty %}<span class="muted">{% translate "intet" %}</span>"""
    """{% endfor %}</td>
</tr>
{% endfor %}"""
)

OPTIONS = Template(
    '{% for choice, choice_label in choices %}<option value="{{ choice }}"{% if choice == value %} selected'
    "{% endif %}>{{ choice_label }}</option>{% endfor %}"
)


@pytest.fixture
def varied(herning):
    """Goals that show every kind of cell: a computed progress, a progress of its own, a unit
    under another (its path), a deadline, and text that must be escaped."""
    track = GoalTrack.objects.filter(municipality=herning).order_by("order").first()
    first, second = SubGoal.objects.filter(track=track).order_by("order")[:2]
    for sub_goal, progress in ((first, 40), (second, 75)):
        FollowUp.objects.create(
            sub_goal=sub_goal, date=datetime.date(2025, 6, 1), status="in_progress", progress=progress
        )
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).order_by("pk").first()
    commitment.responsible_unit = OrganisationUnit.objects.get(municipality=herning, slug="cbl-skoler")
    commitment.text = 'Børn & unge <skal> have "ro"'
    commitment.deadline = datetime.date(2027, 3, 9)
    commitment.save()
    FollowUp.objects.create(
        commitment=commitment, date=datetime.date(2025, 5, 1), status="partly_achieved", progress=5
    )


@pytest.mark.parametrize("query", ["", "?sorter=-fremdrift", "?status=in_progress", "?enhed=cbl"])
def test_the_rows_are_the_markup_of_the_template_and_its_includes(client, herning, varied, query):
    response = client.get(OVERVIEW + query)
    context = response.context
    rows, headers = context["rows"], context["headers"]
    built = goal_rows(rows, headers)
    oracle = {"responsible_template": RESPONSIBLE, "progress_template": PROGRESS}
    assert built == ROWS.render(Context({"rows": rows, "municipality": herning, **oracle}))
    assert built in response.content.decode()
    if not query:  # the fixture's cases are all on the first page
        assert 'class="progress-note">beregnet ud fra 2 delmål' in built
        assert '<span class="unit-path">' in built
        assert "frist 9.3.2027" in built
        assert "Børn &amp; unge &lt;skal&gt; have &quot;ro&quot;" in built
        assert 'class="inherited">via ' in built


def test_the_filters_options_are_the_markup_of_the_template(client, herning):
    response = client.get(OVERVIEW, {"grundlag": "barnets-lov"})
    for _name, _label, choices, value in response.context["filters"]:
        expected = OPTIONS.render(Context({"choices": choices, "value": value}))
        assert options(choices, value) == expected
    assert '<option value="barnets-lov" selected>' in response.content.decode()


def test_the_goal_page_shows_responsible_and_progress_as_the_includes_did(client, herning, varied):
    track = GoalTrack.objects.filter(municipality=herning).order_by("order").first()
    response = client.get(track.get_absolute_url())
    html, context = response.content.decode(), response.context
    own = {"municipality": herning}
    # The page's <p> no longer ends with the includes' line break.
    assert RESPONSIBLE.render(Context({**own, "responsibility": context["responsibility"]})).strip() in html
    progress = {"progress": context["progress"], "computed": context["progress_is_computed"]}
    assert PROGRESS.render(Context({**progress, "roll_up": context["item"].roll_up})).strip() in html
    assert 'class="progress-note">beregnet ud fra 2 delmål' in html
    for sub_goal in context["sub_goals"]:
        assert RESPONSIBLE.render(Context({**own, "responsibility": sub_goal.responsibility})).strip() in html
        assert PROGRESS.render(Context({"progress": sub_goal.progress})).strip() in html
