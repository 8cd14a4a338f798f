"""Reads each Presentation 2.1 document named on the command line with iiif-prezi's ManifestReader
(the 2.1 validator's reader) and prints, as one JSON object, each file's outcome: the error it
raised, if any, and the warnings it wrote to its debug stream."""
import json
import sys

from iiif_prezi.loader import ManifestReader

outcomes = {}
for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as handle:
        reader = ManifestReader(handle.read(), version='2.1')
    try:
        reader.read().toJSON(top=True)
        error = None
    except Exception as exc:  # every failure of the reader is a finding, reported with its class
        error = '%s: %s' % (type(exc).__name__, exc)
    outcomes[path] = {'error': error, 'warnings': [line.strip() for line in reader.get_warnings() if line.strip()]}
print(json.dumps(outcomes))
