"""The checksum of data/gnlc.json as tools/build_data.py wrote it (generated; do not edit)."""

#: ``(zlib.crc32, size in bytes)`` of the file the build checked: the reader skips only its
#: duplicate-key scan for a file that matches; any other file is checked in full.
GNLC_JSON = (3269455824, 613734)
