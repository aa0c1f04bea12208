#!/usr/bin/env python3
"""Test glue: certbot's `acme` library obtains a delegate certificate from a sandbox's STI-SCA.

The ACME flow is RFC 8555 with the TNAuthList identifier of RFC 9448 §3 and the tkauth-01
challenge of RFC 9447 §3, answered with the customer token as {"atc": token} (ATIS-1000080
§6.3.5.2). The CSR carries the TNAuthList extension (RFC 8226 §9, OID 1.3.6.1.5.5.7.1.26).

Usage:
  certbot_delegate.py DIRECTORY_URL ACCOUNT_KEY_PEM TNAUTHLIST_B64 TOKEN CHAIN_OUT KEY_OUT
The TLS root to trust comes from the environment variable SHAKEN_TLS_ROOT (a PEM file).
Exits 0 once the chain is written to CHAIN_OUT and the certificate key to KEY_OUT.
"""
import base64
import datetime
import os
import sys

import josepy as jose
from acme import challenges, client, messages
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, ObjectIdentifier

TN_AUTH_LIST_OID = ObjectIdentifier("1.3.6.1.5.5.7.1.26")
IDENTIFIER_TN_AUTH_LIST = messages.IdentifierType("TNAuthList")


@challenges.Challenge.register
class TKAuth01(challenges.Challenge):
    """The tkauth-01 challenge (RFC 9447 §3)."""

    typ = "tkauth-01"
    tkauth_type: str = jose.field("tkauth-type")
    token: str = jose.field("token")
    token_authority: str = jose.field("token-authority", omitempty=True, default=None)


@challenges.ChallengeResponse.register
class TKAuth01Response(challenges.ChallengeResponse):
    """The tkauth-01 response carrying the Authority Token (RFC 9447 §3, ATIS-1000080)."""

    typ = "tkauth-01"
    atc: str = jose.field("atc")


def post_as_get(acme: client.ClientV2, url: str):
    return acme.net.post(url, None, new_nonce_url=acme.directory["newNonce"])


def csr_pem(certificate_key, tn_auth_list_der: bytes) -> bytes:
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Python ACME Enterprise"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Python ACME Enterprise"),
    ])
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject)
        .add_extension(x509.UnrecognizedExtension(TN_AUTH_LIST_OID, tn_auth_list_der), critical=False)
        .sign(certificate_key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM)


def main(argv: list[str]) -> int:
    if len(argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    directory_url, account_key_path, tn_auth_list_b64, token, chain_out, key_out = argv[1:]
    tls_root = os.environ.get("SHAKEN_TLS_ROOT", True)
    with open(account_key_path, "rb") as handle:
        account_key = jose.JWKEC(key=serialization.load_pem_private_key(handle.read(), password=None))

    net = client.ClientNetwork(account_key, alg=jose.ES256, verify_ssl=tls_root, user_agent="shaken-interop-acme-python")
    acme = client.ClientV2(client.ClientV2.get_directory(directory_url, net), net)
    acme.new_account(messages.NewRegistration.from_data(terms_of_service_agreed=True))

    identifier = messages.Identifier(typ=IDENTIFIER_TN_AUTH_LIST, value=tn_auth_list_b64)
    response = acme.net.post(
        acme.directory["newOrder"], messages.NewOrder(identifiers=(identifier,)), new_nonce_url=acme.directory["newNonce"]
    )
    order = messages.Order.from_json(response.json())
    authorizations = []
    for url in order.authorizations:
        authorization = messages.AuthorizationResource(
            body=messages.Authorization.from_json(post_as_get(acme, url).json()), uri=url
        )
        authorizations.append(authorization)
        if authorization.body.status == messages.STATUS_VALID:
            continue
        challenge = next(c for c in authorization.body.challenges if isinstance(c.chall, TKAuth01))
        acme.answer_challenge(challenge, TKAuth01Response(atc=token))

    certificate_key = ec.generate_private_key(ec.SECP256R1())
    order_resource = messages.OrderResource(
        body=order,
        uri=response.headers["Location"],
        authorizations=authorizations,
        csr_pem=csr_pem(certificate_key, base64.b64decode(tn_auth_list_b64)),
    )
    deadline = datetime.datetime.now() + datetime.timedelta(seconds=60)
    finished = acme.poll_and_finalize(order_resource, deadline)

    with open(chain_out, "w", encoding="ascii") as handle:
        handle.write(finished.fullchain_pem)
    with open(key_out, "wb") as handle:
        handle.write(certificate_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ))
    print(finished.body.certificate)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
