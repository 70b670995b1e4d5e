"""The identity providers the single sign-on tests sign in through, started as local processes: an OpenID
Connect provider (node-oidc-provider) and a SAML IdP (auth0's samlp), from tests/sso_peers
(scripts/install-sso-peers installs them). Without Node or the packages the tests skip, and fail under
CI=true."""

import os
import shutil
import socket
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

PEERS = Path(__file__).resolve().parents[1] / "sso_peers"


def _missing(why):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {why} (scripts/install-sso-peers installs them)", pytrace=False)
    pytest.skip(f"{why} (scripts/install-sso-peers)")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(script, **env):
    """Run tests/sso_peers/<script> with `env` and a free PORT; wait for its "ready". Returns (process, base
    URL); the caller ends the process."""
    if shutil.which("node") is None:
        _missing("Node.js is not installed")
    if (
        not (PEERS / "node_modules" / "oidc-provider").exists()
        or not (PEERS / "node_modules" / "samlp").exists()
    ):
        _missing("the identity providers' npm packages are not installed")
    port = _free_port()
    process = subprocess.Popen(
        ["node", str(PEERS / script)],
        env={**os.environ, **env, "PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.strip() == "ready":
            return process, f"http://127.0.0.1:{port}"
        if process.poll() is not None:
            break
    process.kill()
    pytest.fail(f"{script} did not start", pytrace=False)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


def signing_pair(folder):
    """A self-signed certificate and key for the SAML IdP, as PEM files in `folder`; returns (cert path, key
    path, the certificate's base64 body as the platform is given it)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test-idp")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    (folder / "cert.pem").write_bytes(cert_pem)
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    body = "".join(line for line in cert_pem.decode().splitlines() if "CERTIFICATE" not in line)
    return folder / "cert.pem", folder / "key.pem", body
