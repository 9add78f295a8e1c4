"""A strategy with its themes and components and what it rests on."""

from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex
from strategies.selectors import references_of, sources_of, strategy_page


@require_safe
def strategy(request, municipality, strategy):
    municipality, strategy, (themes, components, passages) = strategy_page(
        municipality, strategy, request.user
    )
    references = references_of(strategy)
    index = BasisIndex(references)
    index.attach(components)
    parts = [[strategy], themes, components, passages]
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
            "themes": themes,
            "components": components,
            "passages": passages,
            "basis": index.basis_of(strategy),
            "sources": sources_of(*parts),
            "last_changed": last_changed(*parts, references),
            "notes": [(strategy.title, strategy.discrepancy_note)] if strategy.discrepancy_note else [],
            "breadcrumbs": crumbs(*pairs),
        },
    )
