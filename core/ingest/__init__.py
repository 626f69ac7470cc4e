"""Stage 1, ingest: bytes, files, pages and pasted text become Sources and Documents with exact offsets."""
