"""Serve Ralph's LRS API (run with Ralph's own Python, var/peers/ralph/bin/python): as `ralph runserver` does,
but without its development auto-reload (which restarts the server whenever a file under the working
directory changes) and with its filesystem backend appending statements to its store. As released (5.1),
that backend writes its one file with "create", so every statement after the first is refused; appending is
what the filesystem backend offers for that file.

Usage: python ralph_serve.py <host> <port>; the store and credentials come from RALPH_* variables."""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="info")
