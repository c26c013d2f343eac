"""XMP read as XML with namespaces: location found whatever the prefix, removed with nothing else.

A location is a real coordinate (a GPS latitude or longitude with a non-zero digit) or a place name
(city, state, country, sub-location, IPTC location structures); `GPSVersionID`, a timestamp or an
empty field is none. Stripping removes every `GPS*` property of the EXIF namespaces and the place
names, and keeps every other property (credit, headline, dates...).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

EXIF = "http://ns.adobe.com/exif/1.0/"
EXIF_EX = "http://cipa.jp/exif/1.0/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
DJI = "http://www.dji.com/drone-dji/1.0/"

COORDINATES = {
    EXIF: {"GPSLatitude", "GPSLongitude", "GPSDestLatitude", "GPSDestLongitude"},
    EXIF_EX: {"GPSLatitude", "GPSLongitude", "GPSDestLatitude", "GPSDestLongitude"},
    DJI: {"GpsLatitude", "GpsLongitude", "GpsLongtitude"},  # sic: DJI's own spelling
}
PLACES = {
    EXIF: {"GPSAreaInformation"},
    EXIF_EX: {"GPSAreaInformation"},
    PHOTOSHOP: {"City", "State", "Country"},
    IPTC_CORE: {"Location", "CountryCode"},
    IPTC_EXT: {"LocationCreated", "LocationShown", "City", "ProvinceState", "CountryName",
               "CountryCode", "Sublocation", "WorldRegion"},
}
# Removed by strip on top of the above: every other GPS property (altitude, speed, map datum...).
_GPS_NAMESPACES = {EXIF, EXIF_EX, DJI}
_FORBIDDEN = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)  # XMP has none: refuse, never expand
_FALLBACK = re.compile(rb"GPS(?:Dest)?L(?:atitude|ongitude)|GpsL|photoshop:(?:City|State|Country)"
                       rb"|Iptc4xmp(?:Core:Location|Ext:Location)", re.IGNORECASE)
PACKET_BEGIN = b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
PACKET_END = b'<?xpacket end="w"?>'


class XmpError(ValueError):
    """The packet is not XML we can read: it is neither trusted clean nor rewritten."""


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _is_location(ns: str, local: str) -> bool:
    return local in COORDINATES.get(ns, ()) or local in PLACES.get(ns, ())


def _to_strip(ns: str, local: str) -> bool:
    return _is_location(ns, local) or (ns in _GPS_NAMESPACES and local.lower().startswith("gps")
                                       and local != "GPSVersionID")


def _has_value(ns: str, local: str, text: str) -> bool:
    if local in COORDINATES.get(ns, ()):
        return re.search(r"[1-9]", text) is not None  # "0,0.0N" is no place
    return bool(text.strip())


def parse(packet: bytes) -> ET.Element:
    body = packet.strip(b"\x00 \t\r\n")
    if _FORBIDDEN.search(body):
        raise XmpError("XMP with a DOCTYPE or ENTITY declaration")
    try:
        return ET.fromstring(body)
    except ET.ParseError as err:
        raise XmpError(f"XMP is not well-formed XML ({err})") from None


def location(packet: bytes) -> list[str]:
    """Prefix-free names (`exif:GPSLatitude`, `photoshop:City`) of the location properties held.

    A packet that is not XML is searched for location names as plain text: a false alarm that
    asks for a look is better than a location let through.
    """
    try:
        root = parse(packet)
    except XmpError:
        return ["XMP (unreadable) mentions a location"] if _FALLBACK.search(packet) else []
    found: set[str] = set()
    for elem in root.iter():
        ns, local = _split(elem.tag)
        if _is_location(ns, local) and _has_value(ns, local, "".join(elem.itertext())
                                                  + "".join(_all_attr_values(elem))):
            found.add(local)
        for key, value in elem.attrib.items():
            ans, alocal = _split(key)
            if _is_location(ans, alocal) and _has_value(ans, alocal, value):
                found.add(alocal)
    return sorted(found)


def _all_attr_values(elem: ET.Element) -> list[str]:
    # A structure written as attributes: <Iptc4xmpExt:LocationCreated ... City="Ly Son"/>
    return [v for e in elem.iter() for v in e.attrib.values()]


def strip(packet: bytes) -> bytes:
    """The packet without its location properties, everything else kept, as one XMP packet."""
    root = parse(packet)
    prefixes = _prefixes(packet)
    for parent in list(root.iter()):
        for key in [k for k in parent.attrib if _to_strip(*_split(k))]:
            del parent.attrib[key]
        for child in [c for c in parent if isinstance(c.tag, str) and _to_strip(*_split(c.tag))]:
            parent.remove(child)
    for uri, prefix in prefixes.items():
        try:
            ET.register_namespace(prefix, uri)  # keep the file's own prefixes when writing
        except ValueError:
            pass  # a prefix ElementTree reserves (ns0...): it picks another, meaning unchanged
    return PACKET_BEGIN + ET.tostring(root, encoding="unicode").encode() + PACKET_END


def _prefixes(packet: bytes) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        for _, (prefix, uri) in ET.iterparse(io.BytesIO(packet.strip(b"\x00 \t\r\n")),
                                             events=("start-ns",)):
            if prefix:
                found.setdefault(uri, prefix)
    except ET.ParseError:
        pass
    return found


def padded(packet: bytes, size: int) -> bytes:
    """`packet` grown to exactly `size` bytes with the whitespace XMP keeps for in-place edits."""
    if not packet.endswith(PACKET_END):
        raise XmpError("not a packet")
    room = size - len(packet)
    if room < 0:
        raise XmpError("the cleaned XMP is longer than the original")
    return packet[: -len(PACKET_END)] + b" " * room + PACKET_END


DC = "http://purl.org/dc/elements/1.1/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def describe(captions: dict[str, str], creator: str, credit: str) -> bytes:
    """A packet with a photo's caption in each language (dc:description, the first language as
    x-default), its creator and its credit line (photoshop:Credit, dc:rights): the IPTC Core
    fields a picture desk reads. No place: the caption says what a reader may know."""
    ET.register_namespace("x", "adobe:ns:meta/")
    for prefix, ns in (("rdf", RDF), ("dc", DC), ("photoshop", PHOTOSHOP)):
        ET.register_namespace(prefix, ns)
    root = ET.Element("{adobe:ns:meta/}xmpmeta")
    rdf = ET.SubElement(root, f"{{{RDF}}}RDF")
    about = ET.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})

    def alternatives(name: str, values: dict[str, str]) -> None:
        alt = ET.SubElement(ET.SubElement(about, name), f"{{{RDF}}}Alt")
        first = next(iter(values.values()), "")
        for lang, text in {"x-default": first, **values}.items():
            li = ET.SubElement(alt, f"{{{RDF}}}li",
                               {"{http://www.w3.org/XML/1998/namespace}lang": lang})
            li.text = text

    alternatives(f"{{{DC}}}description", captions)
    seq = ET.SubElement(ET.SubElement(about, f"{{{DC}}}creator"), f"{{{RDF}}}Seq")
    ET.SubElement(seq, f"{{{RDF}}}li").text = creator
    alternatives(f"{{{DC}}}rights", {"x-default": credit})
    ET.SubElement(about, f"{{{PHOTOSHOP}}}Credit").text = credit
    body = ET.tostring(root, encoding="unicode").encode("utf-8")
    return PACKET_BEGIN + body + PACKET_END
