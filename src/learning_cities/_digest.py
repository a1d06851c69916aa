"""The checksum of data/gnlc.json as tools/build.py wrote it (generated; do not edit)."""

#: ``(zlib.crc32, size in bytes)`` of the file the build checked. ``lc.load()`` reads the
#: package's own file one record at a time when it matches (a guard against damage, not
#: forgery); any other content is checked in full.
GNLC_JSON = (2419884730, 623188)
