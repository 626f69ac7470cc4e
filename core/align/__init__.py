"""Stage 2, align: group the passages of several documents that report the same fact into claims."""
