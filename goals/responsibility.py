"""Who carries a goal out, directly or inherited, as legal.basis does for the basis.

Where an item names no one, it inherits the responsible of what it stands
under (a sub-goal its track's, a commitment its theme's policy's). The walk
reads the parents from the joined rows (core.goalkinds.GoalKind.related), so
it costs no query.
"""

from dataclasses import dataclass

from core.goalkinds import ancestors


@dataclass(frozen=True)
class Responsibility:
    responsible: object = None  # an OrganisationUnit or a PoliticalBody
    inherited_from: object = None  # the ancestor that names it, None when the item does itself

    @property
    def is_inherited(self):
        return self.inherited_from is not None

    @property
    def is_named(self):
        return self.responsible is not None


def responsible_of(item):
    """The item's responsible, or the nearest ancestor's; Responsibility() when no one is named."""
    for node in ancestors(item):
        # Themes and strategies carry no responsible of their own; the walk passes them by.
        responsible = getattr(node, "responsible", None)
        if responsible is not None:
            return Responsibility(responsible, None if node is item else node)
    return Responsibility()
