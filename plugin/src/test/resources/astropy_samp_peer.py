"""An independent SAMP peer (astropy.samp) for the ztfclass bridge tests.

usage: astropy_samp_peer.py MODE WORKDIR [TARGET...]
  MODE good: sends a table of shipped objects (made here with astropy) to ztfclass with
             table.load.votable, waits for ztfclass's table.load.votable back, and prints JSON
             with the call's response and the returned table's columns and rows.
  MODE select: like good, then selects rows of ztfclass's answer with table.select.rowList (two
             matched rows, an unmatched row, an empty selection, a table ztfclass never sent) and
             prints the responses and what the sky-viewer MTypes delivered.
  MODE bad:  sends a file that is not a VOTable and a table without id/position columns; prints
             the two responses.
  MODE labels: sends a table with a label column (label, label_confidence, label_comment) to
             ztfclass with table.load.votable, then the same table again, then a row subset with
             ztfclass.labels.submit (row-list and class); prints the responses and the returned table.
  MODE labels-refused: sends the label table to each TARGET (bridges with a viewer, a revoked or
             no token) and prints each response.
TARGET: the SAMP name of the bridge (default ztfclass).
The hub is found through the SAMP_HUB environment variable.
"""
import json
import os
import sys
import threading
import time

from astropy.io.votable import parse_single_table
from astropy.samp import SAMPIntegratedClient
from astropy.table import Table

mode, workdir = sys.argv[1], sys.argv[2]
targets = sys.argv[3:] or ["ztfclass"]
client = SAMPIntegratedClient(name="astropy-tester", description="independent SAMP peer for ztfclass tests")
client.connect()
got = threading.Event()
received = {}


def on_notification(private_key, sender_id, mtype, params, extra):
    received["params"] = params
    received["sender"] = sender_id
    got.set()


def on_call(private_key, sender_id, msg_id, mtype, params, extra):
    on_notification(private_key, sender_id, mtype, params, extra)
    client.reply(msg_id, {"samp.status": "samp.ok", "samp.result": {}})


client.bind_receive_notification("table.load.votable", on_notification)
client.bind_receive_call("table.load.votable", on_call)

viewer = {}
viewer_got = threading.Event()


def on_point(private_key, sender_id, mtype, params, extra):
    viewer["point"] = params


def on_image(private_key, sender_id, mtype, params, extra):
    viewer["image"] = params
    viewer.setdefault("images", []).append(params.get("url"))
    viewer_got.set()


client.bind_receive_notification("coord.pointAt.sky", on_point)
client.bind_receive_notification("image.load.fits", on_image)

ids = {}
for _ in range(50):
    for cid in client.get_registered_clients():
        name = client.get_metadata(cid).get("samp.name")
        if name in targets:
            ids[name] = cid
    if len(ids) == len(targets):
        break
    time.sleep(0.2)
if len(ids) != len(targets):
    print(json.dumps({"error": "not on the hub: " + ", ".join(t for t in targets if t not in ids)}))
    sys.exit(1)
target = ids[targets[0]]


def send(path, name):
    message = {"samp.mtype": "table.load.votable",
               "samp.params": {"url": "file://" + os.path.abspath(path), "name": name}}
    return client.call_and_wait(target, message, "60")


def try_call(message, to=None):
    try:
        r = client.call_and_wait(to or target, message, "60")
        return {"status": r["samp.status"], "result": r.get("samp.result", {}),
                "error": r.get("samp.error", {}).get("samp.errortxt", "")}
    except Exception as e:  # astropy raises on samp.error responses
        return {"status": "samp.error", "error": str(e)}


def label_table():
    table = Table({
        "ztf_id": ["ZTF20aaelulu", "", "", "ZTF20aaelulu", "ZTF17aaazdba"],
        "RAJ2000": [185.7288, 123.32067, 10.0, 185.7288, 123.32067],
        "DEJ2000": [15.8236, 22.64831, 10.0, 15.8236, 22.64831],
        "label": ["SN Ia", "TDE", "SN_II", "SN_XX", ""],
        "label_confidence": [0.9, 0.8, 0.5, 0.5, 0.5],
        "label_comment": ["from astropy", "", "", "", ""],
    })
    path = os.path.join(workdir, "labels.vot")
    table.write(path, format="votable", overwrite=True)
    return "file://" + os.path.abspath(path)


def load(url, name):
    return {"samp.mtype": "table.load.votable", "samp.params": {"url": url, "name": name}}


out = {}
if mode == "labels":
    url = label_table()
    out["first"] = try_call(load(url, "labels"))
    got.wait(30)
    answer = received.get("params", {}).get("url", "")
    result = parse_single_table(answer.replace("file://", "", 1))
    out["answer_labels"] = [None if str(v) in ("--", "") else str(v) for v in result.array["label_class"]]
    out["again"] = try_call(load(url, "labels again"))
    out["submit"] = try_call({"samp.mtype": "ztfclass.labels.submit",
                              "samp.params": {"url": url, "row-list": ["4", "99"], "class": "SN_II",
                                              "comment": "selected in astropy"}})
elif mode == "labels-refused":
    url = label_table()
    for name in targets:
        out[name] = try_call(load(url, "labels"), ids[name])
elif mode == "select":
    table = Table({
        "ztf_id": ["ZTF20aaelulu", "", ""],
        "RAJ2000": [185.7288, 123.32067, 10.0],
        "DEJ2000": [15.8236, 22.64831, 10.0],
    })
    path = os.path.join(workdir, "sel.vot")
    table.write(path, format="votable", overwrite=True)
    send(path, "sel")
    got.wait(30)
    url = received.get("params", {}).get("url", "")
    select = lambda rows, u=url: {"samp.mtype": "table.select.rowList", "samp.params": {"url": u, "row-list": rows}}
    out["two"] = try_call(select(["1", "0"]))
    for _ in range(100):
        if len(viewer.get("images", [])) >= 2:
            break
        time.sleep(0.1)
    out["point"] = viewer.get("point")
    out["images"] = viewer.get("images", [])
    out["unmatched"] = try_call(select(["2"]))
    out["empty"] = try_call(select([]))
    out["foreign"] = try_call(select(["0"], "file:///nowhere/not-from-ztfclass.vot"))
elif mode == "good":
    table = Table({
        "name": ["SN 2020oi", "SN 2019azh by position", "not a ZTF object"],
        "ztf_id": ["ZTF20aaelulu", "", ""],
        "RAJ2000": [185.7288, 123.32067, 10.0],
        "DEJ2000": [15.8236, 22.64831, 10.0],
    })
    table["RAJ2000"].unit = "deg"
    table["DEJ2000"].unit = "deg"
    path = os.path.join(workdir, "mine.vot")
    table.write(path, format="votable", overwrite=True)
    response = send(path, "mine")
    got.wait(30)
    out["response_status"] = response["samp.status"]
    out["reply_name"] = received.get("params", {}).get("name")
    url = received.get("params", {}).get("url", "")
    result = parse_single_table(url.replace("file://", "", 1) if url.startswith("file://") else url)
    out["columns"] = [{"name": f.name, "ucd": f.ucd, "unit": None if f.unit is None else str(f.unit)} for f in result.fields]
    rows = []
    for r in result.array:
        row = {}
        for f in result.fields:
            v = r[f.name]
            row[f.name] = None if (hasattr(v, "mask") and v.mask is True) or str(v) in ("--", "nan") else str(v)
        rows.append(row)
    out["rows"] = rows
    # the user highlights the first row of ztfclass's table: sky viewers are pointed and get a cutout
    highlight = {"samp.mtype": "table.highlight.row", "samp.params": {"url": url, "row": "0"}}
    out["highlight_status"] = client.call_and_wait(target, highlight, "30")["samp.status"]
    viewer_got.wait(30)
    out["point"] = viewer.get("point")
    out["image_url"] = viewer.get("image", {}).get("url")
    if out["image_url"]:
        import urllib.request
        with urllib.request.urlopen(out["image_url"]) as r:
            out["image_starts"] = r.read(6).decode("ascii", "replace")
else:
    junk = os.path.join(workdir, "junk.vot")
    with open(junk, "w") as f:
        f.write("this is not a VOTable")
    empty = Table({"flux": [1.0, 2.0]})
    nopos = os.path.join(workdir, "nopos.vot")
    empty.write(nopos, format="votable", overwrite=True)
    for key, path in (("junk", junk), ("nopos", nopos)):
        try:
            r = send(path, key)
            out[key] = {"status": r["samp.status"], "error": r.get("samp.error", {}).get("samp.errortxt", "")}
        except Exception as e:  # astropy raises on samp.error responses
            out[key] = {"status": "samp.error", "error": str(e)}
client.disconnect()
print(json.dumps(out))
