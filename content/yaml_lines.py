"""YAML reading that remembers where everything stands.

Every error the loader reports names its file and line, so the parsed
mappings and lists carry the line of each key and item. A key given twice is
an error here, where PyYAML would silently keep the last.
"""

import yaml


class Mapping(dict):
    line = 0
    key_lines: dict


class Sequence(list):
    line = 0
    item_lines: list


class LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping key and list item."""

    def construct_lined_mapping(self, node):
        self.flatten_mapping(node)
        result = Mapping()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"nøglen {key!r} står to gange", key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_lined_sequence(self, node):
        result = Sequence(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_lined_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_lined_sequence)


def load_yaml(handle):
    return yaml.load(handle, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
