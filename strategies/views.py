"""A strategy with its themes and components and what it rests on."""

from django.views.decorators.http import require_safe

from chrome.pages import crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex
from organisation.selectors import municipality_or_404
from strategies.selectors import references_of, strategy_with_parts


@require_safe
def strategy(request, municipality, strategy):
    municipality = municipality_or_404(municipality)
    strategy = strategy_with_parts(municipality, strategy)
    index = BasisIndex(references_of(strategy))
    components = index.attach(list(strategy.components.all()))
    pairs = [municipality_crumb(municipality)]
    if strategy.policy is not None:
        pairs.append((strategy.policy.title, strategy.policy.get_absolute_url()))
    pairs.append((strategy.title, ""))
    return render_page(
        request,
        "strategies/strategy.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "themes": list(strategy.themes.all()),
            "components": components,
            "basis": index.basis_of(strategy),
            "breadcrumbs": crumbs(*pairs),
        },
    )
