"""Invariants of the nested-set columns that django-mptt keeps.

Checked from first principles rather than by comparing with a rebuild, so
that a failure says which node is wrong and why.
"""

from django.utils.translation import gettext as _

from organisation.models import OrganisationUnit


def tree_problems():
    nodes = list(
        OrganisationUnit.objects.order_by("tree_id", "lft").values(
            "pk", "name", "parent_id", "tree_id", "lft", "rght", "level", "municipality_id"
        )
    )
    by_pk = {node["pk"]: node for node in nodes}
    problems = []
    roots_by_tree = {}
    for node in nodes:
        label = f"{node['name']} (id {node['pk']})"
        if node["lft"] >= node["rght"]:
            problems.append(_("%(node)s: lft er ikke mindre end rght.") % {"node": label})
        if (node["rght"] - node["lft"] - 1) % 2:
            problems.append(_("%(node)s: ulige spænd mellem lft og rght.") % {"node": label})
        parent = by_pk.get(node["parent_id"])
        if node["parent_id"] is None:
            roots_by_tree.setdefault(node["tree_id"], []).append(node)
            if node["level"] != 0 or node["lft"] != 1:
                problems.append(_("%(node)s: en rod skal have niveau 0 og lft 1.") % {"node": label})
            continue
        if parent is None:
            problems.append(_("%(node)s: den overordnede enhed findes ikke.") % {"node": label})
            continue
        if parent["tree_id"] != node["tree_id"]:
            problems.append(_("%(node)s: står i et andet træ end sin overordnede.") % {"node": label})
        if not parent["lft"] < node["lft"] < node["rght"] < parent["rght"]:
            problems.append(_("%(node)s: ligger uden for sin overordnede.") % {"node": label})
        if node["level"] != parent["level"] + 1:
            problems.append(_("%(node)s: forkert niveau.") % {"node": label})
        if node["municipality_id"] != parent["municipality_id"]:
            problems.append(_("%(node)s: hører til en anden kommune end sin overordnede.") % {"node": label})
    for tree_id, roots in roots_by_tree.items():
        if len(roots) != 1:
            problems.append(_("Træ %(tree)s har %(count)s rødder.") % {"tree": tree_id, "count": len(roots)})
    # Within a tree the intervals of siblings must not overlap and must be
    # counted without gaps: the descendants of a node fill (lft, rght) exactly.
    children = {}
    for node in nodes:
        children.setdefault(node["parent_id"], []).append(node)
    for node in nodes:
        kids = children.get(node["pk"], [])
        expected = node["lft"] + 1
        for kid in kids:
            if kid["lft"] != expected:
                problems.append(
                    _("%(node)s: hul eller overlap før %(child)s.")
                    % {"node": node["name"], "child": kid["name"]}
                )
            expected = kid["rght"] + 1
        if expected != node["rght"]:
            problems.append(_("%(node)s: rght passer ikke med underenhederne.") % {"node": node["name"]})
    return problems
