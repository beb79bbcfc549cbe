"""The yearly workflow beside the pipeline: start next year's data folder from the last one, and
the Excel workbook round trip (template, import)."""
