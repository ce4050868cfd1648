"""Independent check of a VOTable with astropy: prints JSON with the table's fields
(name, datatype, unit as astropy understands it, UCD), its row count, the INFO elements of
the resource and any warnings astropy raised while parsing. Run with Debian's /usr/bin/python3."""
import json
import sys
import warnings

from astropy.io.votable import parse

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    vot = parse(sys.argv[1], verify="warn")
    resource = vot.resources[0]
    infos = {i.name: i.value for i in resource.infos}
    tables = list(vot.iter_tables())
    out = {"infos": infos, "tables": len(tables)}
    if tables:
        t = tables[0]
        out["nrows"] = len(t.array)
        out["fields"] = [
            {"name": f.name, "datatype": f.datatype, "unit": None if f.unit is None else f.unit.to_string("vounit"), "ucd": f.ucd}
            for f in t.fields
        ]
        out["first_row"] = [str(t.array[f.ID or f.name][0]) for f in t.fields] if len(t.array) else []
out["warnings"] = [str(w.message) for w in caught]
print(json.dumps(out))
