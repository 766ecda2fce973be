#!/usr/bin/env python3
"""Writes the diagram (BPMN DI) of a hand-written BPMN model, so that Cockpit and the Modeler can draw it.

Usage: python3 scripts/bpmn-layout.py bpmn/convention/Convention.bpmn [...]

The models are written by hand (ids and names matter more than drawing): this lays the flow out left to right,
one column per step, a new row per branch; boundary events sit on their task's lower edge. Any existing
diagram is replaced. Open the result in the Camunda Modeler to polish it if you like.
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)
B = "{%s}" % NS["bpmn"]

SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}
COLUMN, ROW, MARGIN = 150, 130, 40
FLOW_NODES = {"startEvent": "event", "endEvent": "event", "intermediateCatchEvent": "event",
              "intermediateThrowEvent": "event", "exclusiveGateway": "gateway", "parallelGateway": "gateway",
              "eventBasedGateway": "gateway", "inclusiveGateway": "gateway", "userTask": "task",
              "serviceTask": "task", "sendTask": "task", "receiveTask": "task", "scriptTask": "task",
              "businessRuleTask": "task", "callActivity": "task", "subProcess": "sub"}


def local(tag):
    return tag.split("}")[1]


def layout(container, shapes, origin):
    """Places the container's flow nodes; returns (width, height). shapes[id] = (x, y, w, h)."""
    nodes = [e for e in container if local(e.tag) in FLOW_NODES]
    flows = [e for e in container if local(e.tag) == "sequenceFlow"]
    boundaries = [e for e in container if local(e.tag) == "boundaryEvent"]
    out = {}
    for f in flows:
        out.setdefault(f.get("sourceRef"), []).append(f.get("targetRef"))
    # Boundary events lead on from their host, one row down.
    host_of = {b.get("id"): b.get("attachedToRef") for b in boundaries}
    sizes = {}
    for n in nodes:
        kind = FLOW_NODES[local(n.tag)]
        if kind == "sub":
            inner = {}
            w, h = layout(n, inner, (0, 0))
            sizes[n.get("id")] = (w + 2 * MARGIN, h + 2 * MARGIN, inner)
        else:
            sizes[n.get("id")] = SIZES[kind] + (None,)
    starts = [n.get("id") for n in nodes if local(n.tag) == "startEvent"] or [nodes[0].get("id")]
    column, row = {}, {}
    next_row = [0]

    def visit(node, col, r, path):
        if node in path:
            return
        if node in column and column[node] >= col:
            return
        column[node] = max(col, column.get(node, 0))
        row.setdefault(node, r)
        targets = out.get(node, [])
        for i, t in enumerate(targets):
            tr = row.get(t)
            if tr is None:
                if i == 0:
                    tr = r
                else:
                    next_row[0] += 1
                    tr = next_row[0]
            visit(t, col + 1, tr, path | {node})
        for b in boundaries:
            if b.get("attachedToRef") == node:
                next_row[0] += 1
                br = next_row[0]
                for t in out.get(b.get("id"), []):
                    visit(t, col + 1, row.get(t, br), path | {node})

    for s in starts:
        visit(s, 0, row.get(s, next_row[0]), frozenset())
        next_row[0] += 1
    for n in nodes:  # anything unreachable (event subprocesses...)
        if n.get("id") not in column:
            next_row[0] += 1
            visit(n.get("id"), 0, next_row[0], frozenset())
    # Column widths and row heights grow with subprocesses.
    col_width, row_height = {}, {}
    for nid, (w, h, _) in sizes.items():
        col_width[column[nid]] = max(col_width.get(column[nid], COLUMN), w + 50)
        row_height[row[nid]] = max(row_height.get(row[nid], ROW), h + 50)
    used_rows = sorted(set(row.values()))
    row_y, y = {}, origin[1] + MARGIN
    for r in used_rows:
        row_y[r] = y
        y += row_height[r]
    col_x, x = {}, origin[0] + MARGIN
    for c in range(max(column.values()) + 1):
        col_x[c] = x
        x += col_width.get(c, COLUMN)
    for nid, (w, h, inner) in sizes.items():
        cx = col_x[column[nid]] + (col_width.get(column[nid], COLUMN) - 50 - w) / 2
        cy = row_y[row[nid]] + (row_height[row[nid]] - 50 - h) / 2
        shapes[nid] = (cx, cy, w, h)
        if inner:
            for iid, (ix, iy, iw, ih) in inner.items():
                shapes[iid] = (ix + cx, iy + cy, iw, ih)
    for i, b in enumerate(boundaries):
        hx, hy, hw, hh = shapes[b.get("attachedToRef")]
        same_host = [x for x in boundaries if x.get("attachedToRef") == b.get("attachedToRef")]
        k = same_host.index(b)
        spacing = min(110, (hw - 40) / max(1, len(same_host)))
        shapes[b.get("id")] = (hx + hw - 38 - spacing * k, hy + hh - 18, 36, 36)
    return x - origin[0], y - origin[1]


def edges(container, shapes, result):
    for e in container:
        if local(e.tag) == "sequenceFlow":
            sx, sy, sw, sh = shapes[e.get("sourceRef")]
            tx, ty, tw, th = shapes[e.get("targetRef")]
            start = (sx + sw, sy + sh / 2)
            end = (tx, ty + th / 2)
            if local(next(n for n in container.iter() if n.get("id") == e.get("sourceRef")).tag) == "boundaryEvent":
                start = (sx + sw / 2, sy + sh)
                points = [start, (start[0], end[1]), end]
            elif tx + tw / 2 <= sx + sw / 2:  # back edge: go under
                low = max(sy + sh, ty + th) + 25
                start = (sx + sw / 2, sy + sh)
                end = (tx + tw / 2, ty + th)
                points = [start, (start[0], low), (end[0], low), end]
            elif abs(start[1] - end[1]) < 1:
                points = [start, end]
            else:
                mid = (start[0] + end[0]) / 2 if abs(sy + sh / 2 - end[1]) > 1 else start[0]
                start = (sx + sw / 2, sy + sh) if end[1] > start[1] else (sx + sw / 2, sy)
                points = [start, (start[0], end[1]), end]
            result.append((e.get("id"), points))
        if local(e.tag) == "subProcess":
            edges(e, shapes, result)


def main(path):
    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall("bpmndi:BPMNDiagram", NS):
        root.remove(old)
    process = root.find("bpmn:process", NS)
    shapes = {}
    layout(process, shapes, (0, 0))
    diagram = ET.SubElement(root, "{%s}BPMNDiagram" % NS["bpmndi"], id="BPMNDiagram_1")
    plane = ET.SubElement(diagram, "{%s}BPMNPlane" % NS["bpmndi"], id="BPMNPlane_1", bpmnElement=process.get("id"))
    subprocesses = {e.get("id") for e in process.iter() if e.tag == B + "subProcess"}
    for nid, (x, y, w, h) in shapes.items():
        attrs = {"id": nid + "_di", "bpmnElement": nid}
        if nid in subprocesses:
            attrs["isExpanded"] = "true"
        shape = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], attrs)
        ET.SubElement(shape, "{%s}Bounds" % NS["dc"], x=str(int(x)), y=str(int(y)), width=str(int(w)), height=str(int(h)))
    result = []
    edges(process, shapes, result)
    for fid, points in result:
        edge = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"], id=fid + "_di", bpmnElement=fid)
        for px, py in points:
            ET.SubElement(edge, "{%s}waypoint" % NS["di"], x=str(int(px)), y=str(int(py)))
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    for model in sys.argv[1:]:
        main(model)
        print("diagram written:", model)
