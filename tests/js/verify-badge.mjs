// An Open Badges 3.0 VC-JWT verifier written from the spec (OB 3.0 §8.2 and W3C Bitstring Status List),
// independent of the platform's code: `jose` checks the signature and dates, `did-resolver` resolves the DID
// URL in `kid`. Usage: node verify-badge.mjs <server base URL> < badge.jwt
// Prints {"verified", "revoked", "issuer"} and exits 0, or {"verified": false, "error"} and exits 1.
//
// did:web always resolves over https (did:web §3.2.1). The test server speaks http on the loopback, so https
// URLs for its own host are fetched from it over http; any other host is refused (no network at test time).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Resolver } from 'did-resolver';
import { base64url, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

const server = new URL(process.argv[2]);

async function fetchLocal(url) {
  const wanted = new URL(url);
  if (wanted.host !== server.host) throw new Error(`refusing to fetch ${url}: not the test server`);
  const response = await fetch(new URL(wanted.pathname + wanted.search, server), { redirect: 'error' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

// did:web (https://w3c-ccg.github.io/did-method-web/ §3.2): host (with %3A for a port) and optional path.
async function resolveWeb(did, parsed) {
  const [host, ...path] = parsed.id.split(':').map(decodeURIComponent);
  const url = `https://${host}/${path.length ? path.join('/') : '.well-known'}/did.json`;
  const didDocument = await (await fetchLocal(url)).json();
  if (didDocument.id !== did) throw new Error(`DID document at ${url} is for ${didDocument.id}, not ${did}`);
  return { didDocument, didDocumentMetadata: {}, didResolutionMetadata: { contentType: 'application/did+json' } };
}

const resolver = new Resolver({ web: resolveWeb });

// OB 3.0 §8.2: the public key from `kid` (a DID URL here) or else from `jwk`; then the signature.
async function verifySignature(token) {
  const header = decodeProtectedHeader(token);
  let jwk = header.jwk;
  if (header.kid) {
    const { didDocument } = await resolver.resolve(header.kid);
    if (!didDocument) throw new Error(`cannot resolve ${header.kid}`);
    const method = (didDocument.verificationMethod || []).find((m) => m.id === header.kid);
    if (!method || !(didDocument.assertionMethod || []).includes(header.kid)) {
      throw new Error(`${header.kid} is not an assertion method of ${didDocument.id}`);
    }
    jwk = method.publicKeyJwk;
  }
  if (!jwk || jwk.d) throw new Error('no public key to verify with');
  const key = await importJWK(jwk, header.alg);
  // jwtVerify also refuses a token before its nbf or after its exp.
  return (await jwtVerify(token, key, { algorithms: ['RS256', 'ES256'] })).payload;
}

const seconds = (dateTime) => Math.floor(Date.parse(dateTime) / 1000);
const types = (value) => [].concat(value || []);

// OB 3.0 §8.2: the registered claims must match the credential they stand for.
function checkClaims(credential) {
  const issuerId = typeof credential.issuer === 'string' ? credential.issuer : credential.issuer?.id;
  const checks = [
    [credential.iss === issuerId, 'iss must be issuer.id'],
    [credential.jti === credential.id, 'jti must be the credential id'],
    [credential.nbf === seconds(credential.validFrom), 'nbf must be validFrom'],
    [credential.exp === undefined || credential.exp === seconds(credential.validUntil), 'exp must be validUntil'],
    [credential.credentialSubject?.id === undefined || credential.sub === credential.credentialSubject.id,
      'sub must be credentialSubject.id'],
    [credential['@context']?.[0] === 'https://www.w3.org/ns/credentials/v2', 'VC 2.0 context first'],
    [types(credential.type).some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential'),
      'an OpenBadgeCredential'],
  ];
  const failed = checks.filter(([ok]) => !ok).map(([, why]) => why);
  if (failed.length) throw new Error(failed.join('; '));
  return issuerId;
}

// W3C Bitstring Status List §3.2: fetch and verify the list credential, then read the entry's bit.
async function isRevoked(credential, issuerId) {
  const entry = credential.credentialStatus;
  if (!entry) return false;
  if (entry.type !== 'BitstringStatusListEntry') throw new Error(`unknown status type ${entry.type}`);
  const listToken = (await (await fetchLocal(entry.statusListCredential)).text()).trim();
  const list = await verifySignature(listToken);
  const listIssuer = typeof list.issuer === 'string' ? list.issuer : list.issuer?.id;
  if (!types(list.type).includes('BitstringStatusListCredential') || listIssuer !== issuerId) {
    throw new Error('status list is not a BitstringStatusListCredential from the same issuer');
  }
  if (!types(list.credentialSubject.statusPurpose).includes(entry.statusPurpose)) {
    throw new Error(`status list is not for ${entry.statusPurpose}`);
  }
  const encoded = list.credentialSubject.encodedList;
  if (!encoded.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(base64url.decode(encoded.slice(1)));
  if (bits.length * 8 < 131072) throw new Error('status list shorter than the minimum 131,072 entries');
  const index = Number(entry.statusListIndex);
  const set = (bits[Math.floor(index / 8)] & (0x80 >> index % 8)) !== 0;
  return set && ['revocation', 'suspension'].includes(entry.statusPurpose);
}

const token = readFileSync(0, 'utf8').trim();
try {
  const credential = await verifySignature(token);
  const issuer = checkClaims(credential);
  const revoked = await isRevoked(credential, issuer);
  console.log(JSON.stringify({ verified: true, revoked, issuer }));
} catch (error) {
  console.log(JSON.stringify({ verified: false, error: String(error?.message || error), claims: safeClaims() }));
  process.exitCode = 1;
}

function safeClaims() {
  try { return decodeJwt(token); } catch { return null; }
}
