#!/usr/bin/python3
"""Regenerate geodata/countries.gpkg from the pinned world-atlas npm package.

Input
    npm package world-atlas@2.0.2: Natural Earth 4.1.0 admin-0 countries at
    1:110m, 1:50m and 1:10m as TopoJSON (object "countries", properties
    "id" = ISO 3166-1 numeric code as a zero-padded string, "name" = Natural
    Earth short name).  The package is fetched with `npm pack` and its tarball
    is checked against a pinned SHA-512; with --package-dir an already
    unpacked copy is used instead and its three data files are checked
    against pinned SHA-256 sums.  ISO codes come from Debian's iso-codes
    (/usr/share/iso-codes/json/iso_3166-1.json).

What the script changes
    world-atlas keeps Natural Earth's spherical topology: rings run across
    the antimeridian (179.x -> -179.x between neighbouring vertices) and
    Antarctica is a ring around the South Pole.  For every polygon that
    needs it the script
      * unwraps each ring's longitudes so consecutive vertices never differ
        by more than 180 degrees,
      * closes rings that go once around a pole along that pole (the area
        of a world-atlas ring lies to the right of its direction of travel,
        so an eastward ring encloses the South Pole, a westward one the North
        Pole); the edge along the pole gets a vertex every degree,
      * cuts the result at +-180 and shifts the pieces by 360 degrees back
        into [-180, 180], snapping cut vertices onto exactly +-180 / +-90,
      * subtracts the holes (shell minus holes, each cut the same way).
    Polygons that need none of this are copied unchanged.  Vertices within
    0.01 degrees of a pole are moved onto it (the 1:50m Antarctica stops at
    -89.999).  A feature that is invalid afterwards (quantisation leaves
    self-touching rings, bow-ties and overlapping islands, mostly at 1:10m)
    is replaced by the polygonal part of GEOS MakeValid only if that is valid
    and loses less than AREA_TOLERANCE of area; otherwise it is kept as is
    and reported.  Collapsed zero-area slivers from cut or repair are dropped;
    no feature is ever dropped.  All polygons are oriented counter-clockwise,
    holes clockwise.  The cut result's area is checked against the area the
    source rings enclose.

Output
    geodata/countries.gpkg, EPSG:4326, layers countries_110m, countries_50m,
    countries_10m; MultiPolygon geometry; string fields iso3, iso2, iso_n3,
    name, official_name.  Features keep the source order; the file is
    written reproducibly (fixed gpkg_contents timestamp, no spatial index,
    VACUUM), so the same input and library versions give the same bytes.

Usage
    /usr/bin/python3 geodata/build_geodata.py [--package-dir DIR] [--output FILE]

Needs GDAL's Python bindings, shapely, npm (unless --package-dir is given)
and iso-codes.  Exits non-zero if a check fails.
"""

import argparse
import base64
import hashlib
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile

from osgeo import gdal, ogr, osr
from shapely import wkb
from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.polygon import orient
from shapely.ops import unary_union
from shapely.validation import explain_validity, make_valid

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

PACKAGE = "world-atlas@2.0.2"
# `npm view world-atlas@2.0.2 dist.integrity`
PACKAGE_INTEGRITY = ("sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/"
                     "MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==")

# (output layer, file in the package, SHA-256 of that file, expected features)
LEVELS = [
    ("countries_110m", "countries-110m.json",
     "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8", 177),
    ("countries_50m", "countries-50m.json",
     "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394", 241),
    ("countries_10m", "countries-10m.json",
     "3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79", 255),
]

ISO_3166_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# Natural Earth units that have no ISO 3166-1 code of their own, keyed by
# their Natural Earth short name.  All codes lie in ISO's user-assigned
# range X.. so they can never collide with a real ISO code.  Only Kosovo
# gets an alpha-2 code (XK, the de facto code used by the EU and others);
# the others get iso2 = iso_n3 = NULL.
NON_ISO_UNITS = {
    "Kosovo": ("XKX", "XK"),
    "N. Cyprus": ("XNC", None),
    "Somaliland": ("XSL", None),
    "Siachen Glacier": ("XSG", None),
    "Indian Ocean Ter.": ("XIO", None),
    "Ashmore and Cartier Is.": ("XAC", None),
    "Akrotiri": ("XAK", None),
    "Dhekelia": ("XDK", None),
    "Cyprus U.N. Buffer Zone": ("XCB", None),
    "USNB Guantanamo Bay": ("XGT", None),
    "Baikonur": ("XBK", None),
    "Coral Sea Is.": ("XCS", None),
    "Spratly Is.": ("XSP", None),
    "Clipperton I.": ("XCP", None),
    "Bajo Nuevo Bank": ("XBN", None),
    "Serranilla Bank": ("XSB", None),
    "Scarborough Reef": ("XSC", None),
}
# Units that carry another country's numeric id in world-atlas and would
# otherwise duplicate its codes: they are coded from NON_ISO_UNITS instead.
SHARED_ID_UNITS = {"Ashmore and Cartier Is."}

FIELDS = [("iso3", 3), ("iso2", 2), ("iso_n3", 3), ("name", 0),
          ("official_name", 0)]

# gpkg_contents.last_change; fixed so that the same input gives the same bytes.
FIXED_TIMESTAMP = "2019-01-01T00:00:00.000Z"

WORLD = box(-180.0, -90.0, 180.0, 90.0)
POLE_SNAP = 0.01        # latitudes this close to a pole are put on it
EDGE_SNAP = 1e-9        # cut vertices this close to +-180 / +-90 are snapped
POLE_EDGE_STEP = 1.0    # degrees between vertices along a pole edge
AREA_TOLERANCE = 1e-4   # square degrees a validity repair may lose
MIN_POLYGON_AREA = 1e-10  # sq deg; smaller results of cut/repair are dropped


# --------------------------------------------------------------------------
# Fetching and checking the package
# --------------------------------------------------------------------------

def sri_sha512(path):
    """Subresource-integrity string ("sha512-<base64>") of a file."""
    with open(path, "rb") as f:
        digest = hashlib.sha512(f.read()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fetch_package(workdir):
    """`npm pack` the pinned package into workdir, verify it, unpack it."""
    print(f"fetching {PACKAGE} with npm pack ...")
    out = subprocess.run(["npm", "pack", "--json", PACKAGE], cwd=workdir,
                         check=True, capture_output=True, text=True).stdout
    tarball = os.path.join(workdir, json.loads(out)[0]["filename"])
    integrity = sri_sha512(tarball)
    if integrity != PACKAGE_INTEGRITY:
        sys.exit(f"integrity mismatch for {tarball}:\n  got      {integrity}"
                 f"\n  expected {PACKAGE_INTEGRITY}")
    print(f"  integrity ok: {integrity}")
    package_dir = os.path.join(workdir, "package")
    os.makedirs(package_dir)
    with tarfile.open(tarball, "r:gz") as tar:
        for _, filename, _, _ in LEVELS:
            member = tar.extractfile("package/" + filename)
            with open(os.path.join(package_dir, filename), "wb") as out:
                out.write(member.read())
    return package_dir


def check_package_files(package_dir):
    for _, filename, sha256, _ in LEVELS:
        path = os.path.join(package_dir, filename)
        got = sha256_file(path)
        if got != sha256:
            sys.exit(f"{path}: SHA-256 {got} does not match {sha256}")
    print(f"  data files ok in {package_dir}")


# --------------------------------------------------------------------------
# ISO codes
# --------------------------------------------------------------------------

def load_iso_by_numeric():
    with open(ISO_3166_JSON, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    return {e["numeric"]: e for e in entries}


def attributes_for(fid, name, iso_by_numeric):
    """Attribute dict for a world-atlas feature, or None if it can't join."""
    if fid is not None and name not in SHARED_ID_UNITS:
        entry = iso_by_numeric.get(fid)
        if entry is None:
            return None
        return {"iso3": entry["alpha_3"], "iso2": entry["alpha_2"],
                "iso_n3": entry["numeric"], "name": name,
                "official_name": entry.get("official_name", name)}
    if name in NON_ISO_UNITS:
        iso3, iso2 = NON_ISO_UNITS[name]
        return {"iso3": iso3, "iso2": iso2, "iso_n3": None, "name": name,
                "official_name": name}
    return None


# --------------------------------------------------------------------------
# Geometry: from spherical rings to planar polygons inside [-180, 180]
# --------------------------------------------------------------------------

def unwrap(coords):
    """Ring coordinates with longitudes made continuous (steps <= 180)."""
    out = []
    prev_src = prev_out = None
    for lon, lat in coords:
        if abs(lat) > 90.0 - POLE_SNAP:
            lat = math.copysign(90.0, lat)
        if prev_src is None:
            x = lon
        else:
            step = lon - prev_src
            if step > 180.0:
                step -= 360.0
            elif step < -180.0:
                step += 360.0
            x = prev_out + step
        out.append((x, lat))
        prev_src, prev_out = lon, x
    return out


def needs_rework(coords):
    """True if a ring crosses the antimeridian, circles a pole or touches it."""
    return any(abs(b[0] - a[0]) > 180.0 for a, b in zip(coords, coords[1:])) \
        or any(abs(lat) > 90.0 - POLE_SNAP for _, lat in coords)


def pole_edge(lon_from, lon_to, lat):
    """Points along a pole from lon_from to lon_to, both ends included."""
    pts = [(lon_from, lat)]
    if lon_to > lon_from:
        x = math.floor(lon_from / POLE_EDGE_STEP + 1) * POLE_EDGE_STEP
        while x < lon_to:
            pts.append((x, lat))
            x += POLE_EDGE_STEP
    else:
        x = math.ceil(lon_from / POLE_EDGE_STEP - 1) * POLE_EDGE_STEP
        while x > lon_to:
            pts.append((x, lat))
            x -= POLE_EDGE_STEP
    pts.append((lon_to, lat))
    return pts


def polygons_of(geom):
    """Polygons in a shapely geometry, less collapsed (zero-area) slivers."""
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom] if geom.area > MIN_POLYGON_AREA else []
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygons_of(g)]
    return []


def snap_value(v, targets):
    for t in targets:
        if abs(v - t) <= EDGE_SNAP:
            return t
    return v


def snap_polygon(poly):
    def ring(coords):
        return [(snap_value(x, (-180.0, 180.0)), snap_value(y, (-90.0, 90.0)))
                for x, y in coords]
    return Polygon(ring(poly.exterior.coords),
                   [ring(r.coords) for r in poly.interiors])


def cut_at_antimeridian(geom):
    """Split a geometry in unwrapped longitudes into pieces inside +-180."""
    minx, _, maxx, _ = geom.bounds
    first = math.floor((minx + 180.0) / 360.0)
    last = math.ceil((maxx - 180.0) / 360.0)
    pieces = []
    for k in range(first, last + 1):
        shift = 360.0 * k
        part = geom.intersection(box(-180.0 + shift, -90.0, 180.0 + shift, 90.0))
        for p in polygons_of(part):
            pieces.append(snap_polygon(translate(p, xoff=-shift)))
    return unary_union(pieces) if pieces else Polygon()


def valid_polygonal(geom):
    """geom itself if valid, else the polygonal part of GEOS MakeValid."""
    if geom.is_valid:
        return geom
    return MultiPolygon(polygons_of(make_valid(geom)))


def ring_region(coords):
    """Planar region inside [-180,180]x[-90,90] bounded by one source ring.

    Returns (region, area, circles_pole), area being the ring's own
    shoelace area.  For an ordinary ring the region is its inside; for a ring
    that goes once around a pole it is the cap between the ring and the pole
    on the ring's right-hand side (world-atlas convention: the polygon's area
    lies to the right of each ring).
    """
    pts = unwrap(coords)
    turn = pts[-1][0] - pts[0][0]
    circles = abs(turn) > 1e-6
    if circles:
        if abs(abs(turn) - 360.0) > 1e-6:
            raise ValueError(f"ring winds {turn} degrees around the pole")
        pole = -90.0 if turn > 0 else 90.0   # eastward: area south of it
        pts = pts + pole_edge(pts[-1][0], pts[0][0], pole)
    poly = Polygon(pts)
    return cut_at_antimeridian(valid_polygonal(poly)), poly.area, circles


def rework_polygon(rings):
    """Shell minus holes, each ring turned into a planar region first.

    Returns (polygons, expected area from the rings' own areas).
    """
    area, expected, _ = ring_region(rings[0])
    for hole in rings[1:]:
        region, hole_area, circles = ring_region(hole)
        if circles:
            # the polygon lies on the cap side of a pole-circling hole
            area = area.intersection(region)
            expected -= WORLD.area - hole_area
        else:
            area = area.difference(region)
            expected -= hole_area
    return polygons_of(area), expected


def convert_geometry(ogr_geom):
    """Source OGR geometry -> (shapely MultiPolygon, info dict).

    info: reworked (cut or closed), expected (area from the source rings),
    status ("valid", "repaired" or "invalid"), area_change (repair only).
    """
    info = {"reworked": False, "expected": 0.0, "status": "valid",
            "area_change": 0.0}
    if ogr_geom is None or ogr_geom.IsEmpty():
        return MultiPolygon(), info
    src = wkb.loads(bytes(ogr_geom.ExportToIsoWkb()))
    src_polys = list(src.geoms) if src.geom_type == "MultiPolygon" else [src]
    out = []
    for poly in src_polys:
        rings = [list(poly.exterior.coords)] + \
                [list(r.coords) for r in poly.interiors]
        if any(needs_rework(r) for r in rings):
            pieces, expected = rework_polygon(rings)
            info["reworked"] = True
        else:
            pieces, expected = [poly], poly.area
        out.extend(pieces)
        info["expected"] += expected
    geom = MultiPolygon(out)
    if not geom.is_valid:
        fixed = valid_polygonal(geom)
        change = fixed.area - geom.area
        # accept the repair only if it is valid and loses no real area
        if fixed.is_valid and fixed.area >= info["expected"] - AREA_TOLERANCE:
            geom, info["status"], info["area_change"] = fixed, "repaired", change
        else:
            info["status"] = "invalid"
    return MultiPolygon([orient(p, 1.0) for p in geom.geoms]), info


# --------------------------------------------------------------------------
# Statistics and checks
# --------------------------------------------------------------------------

def rings_of(mp):
    for p in mp.geoms:
        yield p.exterior
        yield from p.interiors


def level_stats(geoms):
    rings = vertices = 0
    max_step = 0.0
    minx = miny = math.inf
    maxx = maxy = -math.inf
    for g in geoms:
        for r in rings_of(g):
            c = list(r.coords)
            rings += 1
            vertices += len(c)
            for (x0, _), (x1, _) in zip(c, c[1:]):
                max_step = max(max_step, abs(x1 - x0))
            for x, y in c:
                minx, maxx = min(minx, x), max(maxx, x)
                miny, maxy = min(miny, y), max(maxy, y)
    return {"rings": rings, "vertices": vertices, "max_dlon": max_step,
            "bounds": (minx, miny, maxx, maxy)}


def source_stats(layer):
    rings = vertices = 0
    for f in layer:
        g = f.GetGeometryRef()
        if g is None or g.IsEmpty():
            continue
        polys = [g] if g.GetGeometryType() == ogr.wkbPolygon else \
            [g.GetGeometryRef(i) for i in range(g.GetGeometryCount())]
        for p in polys:
            for i in range(p.GetGeometryCount()):
                rings += 1
                vertices += p.GetGeometryRef(i).GetPointCount()
    layer.ResetReading()
    return rings, vertices


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def read_level(path, iso_by_numeric):
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["TopoJSON"])
    layer = ds.GetLayerByName("countries")
    src_rings, src_vertices = source_stats(layer)
    features, failures = [], []
    for f in layer:
        fid, name = f.GetField("id"), f.GetField("name")
        attrs = attributes_for(fid, name, iso_by_numeric)
        if attrs is None:
            failures.append(f"id={fid!r} name={name!r}")
            continue
        geom, info = convert_geometry(f.GetGeometryRef())
        features.append((attrs, geom, info))
    return features, failures, (src_rings, src_vertices)


def write_gpkg(path, levels):
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_TIMESTAMP)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if os.path.exists(path):
        os.remove(path)
    ds = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)
    for layer_name, features, description in levels:
        layer = ds.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon, options=[
            "SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom",
            f"DESCRIPTION={description}"])
        for field, width in FIELDS:
            defn = ogr.FieldDefn(field, ogr.OFTString)
            defn.SetWidth(width)
            layer.CreateField(defn)
        layer.StartTransaction()
        defn = layer.GetLayerDefn()
        for attrs, geom, _ in features:
            feat = ogr.Feature(defn)
            for field, _ in FIELDS:
                if attrs[field] is None:
                    feat.SetFieldNull(field)
                else:
                    feat.SetField(field, attrs[field])
            if geom.is_empty:   # shapely would write GEOMETRYCOLLECTION EMPTY
                feat.SetGeometry(ogr.Geometry(ogr.wkbMultiPolygon))
            else:
                feat.SetGeometry(ogr.CreateGeometryFromWkb(geom.wkb))
            layer.CreateFeature(feat)
        layer.CommitTransaction()
    ds.ExecuteSQL("VACUUM")
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package-dir",
                        help="unpacked world-atlas 2.0.2 (skips npm pack)")
    parser.add_argument("--output", default=os.path.join(here, "countries.gpkg"),
                        help="GeoPackage to write (default: %(default)s)")
    args = parser.parse_args()

    iso_by_numeric = load_iso_by_numeric()
    problems = []
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        package_dir = args.package_dir or fetch_package(tmp)
        check_package_files(package_dir)
        levels = []
        for layer_name, filename, _, expected in LEVELS:
            features, failures, (src_rings, src_vertices) = read_level(
                os.path.join(package_dir, filename), iso_by_numeric)
            for failure in failures:
                problems.append(f"{layer_name}: cannot join {failure}")
            if len(features) != expected:
                problems.append(f"{layer_name}: {len(features)} features, "
                                f"expected {expected}")
            report_level(layer_name, features, src_rings, src_vertices,
                         problems)
            scale = layer_name.rsplit("_", 1)[1]
            description = (f"Natural Earth 4.1.0 admin-0 countries 1:{scale} "
                           f"from {PACKAGE}, cut at the antimeridian")
            levels.append((layer_name, features, description))

    if problems:
        print("\nFAILED:\n  " + "\n  ".join(problems))
        return 1
    tmp_out = os.path.join(os.path.dirname(os.path.abspath(args.output)),
                           ".building-" + os.path.basename(args.output))
    write_gpkg(tmp_out, levels)
    os.replace(tmp_out, args.output)
    size = os.path.getsize(args.output)
    print(f"\nwrote {args.output}: {size:,} bytes, "
          f"sha256 {sha256_file(args.output)}")
    return 0


def report_level(layer_name, features, src_rings, src_vertices, problems):
    """Print counts and checks for one level; append failures to problems."""
    geoms = [g for _, g, _ in features]
    stats = level_stats(geoms)
    print(f"\n{layer_name}: {len(features)} features, "
          f"{stats['rings']:,} rings, {stats['vertices']:,} vertices "
          f"(source: {src_rings:,} rings, {src_vertices:,} vertices)")
    minx, miny, maxx, maxy = stats["bounds"]
    print(f"  bounds [{minx:g}, {maxx:g}] x [{miny:g}, {maxy:g}], "
          f"largest longitude step {stats['max_dlon']:g} degrees")
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        problems.append(f"{layer_name}: vertices outside the world")
    if stats["max_dlon"] > 180:
        problems.append(f"{layer_name}: a segment spans more than 180 degrees")

    seen = {}
    for attrs, _, _ in features:
        seen.setdefault(attrs["iso3"], []).append(attrs["name"])
    for iso3, names in sorted(seen.items()):
        if len(names) > 1:
            problems.append(f"{layer_name}: iso3 {iso3} used by {names}")

    non_iso = [f"{a['name']}={a['iso3']}" for a, _, _ in features
               if a["iso_n3"] is None]
    print(f"  coded by name: {', '.join(non_iso)}")
    empty = [a["name"] for a, g, _ in features if g.is_empty]
    if empty:
        print(f"  empty geometry (kept): {', '.join(empty)}")

    for attrs, geom, info in features:
        if not info["reworked"]:
            continue
        drift = geom.area - info["expected"]
        print(f"  cut/closed: {attrs['name']}: {len(geom.geoms)} polygons, "
              f"area {geom.area:.4f} sq deg (rings say {info['expected']:.4f})")
        if abs(drift) > AREA_TOLERANCE + 1e-6 * info["expected"]:
            problems.append(f"{layer_name}: {attrs['name']} area off by {drift}")

    repaired = [(a["name"], i["area_change"]) for a, _, i in features
                if i["status"] == "repaired"]
    invalid = [(a["name"], explain_validity(g)) for a, g, _ in features
               if not g.is_valid]
    print(f"  valid: {len(features) - len(invalid)}/{len(features)}; "
          f"repaired with MakeValid: {len(repaired)}")
    for name, change in repaired:
        print(f"    repaired: {name} (area {change:+.3g} sq deg)")
    for name, why in invalid:
        print(f"    INVALID (left as is): {name}: {why}")


if __name__ == "__main__":
    sys.exit(main())
