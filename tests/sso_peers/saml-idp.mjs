// A SAML 2.0 identity provider for the single sign-on tests (tests/sso): auth0's samlp answers the
// platform's AuthnRequest (HTTP-Redirect) with a signed assertion POSTed to its ACS, after a sign-in page that
// asks for an address and whether a second factor was used (the AuthnContextClassRef then says MultiFactor).
// Environment: PORT, CERT and KEY (PEM files). Prints "ready" when listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import samlp from 'samlp';

const { PORT, CERT, KEY } = process.env;
const issuer = `http://127.0.0.1:${PORT}/metadata`;
const PASSWORD_CLASS = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
const MFA_CLASS = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (query) => `<!doctype html><html lang="en"><head><title>Test identity provider (SAML)</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/sso">
<input type="hidden" name="SAMLRequest" value="${escape(query.get('SAMLRequest') || '')}">
<input type="hidden" name="RelayState" value="${escape(query.get('RelayState') || '')}">
<p><label>Work email <input type="email" name="email" required></label></p>
<p><label>Password <input type="password" name="password"></label></p>
<p><label><input type="checkbox" name="mfa" value="1"> I confirmed with my authenticator app</label></p>
<p><button type="submit">Sign in to the identity provider</button></p>
</form></main></body></html>`;

// Entra ID's attribute names; the subject is the address.
function mapper(user) {
  const [given = '', family = ''] = user.email.split('@')[0].split('.');
  return {
    getClaims: () => ({
      [`${CLAIMS}/emailaddress`]: user.email,
      [`${CLAIMS}/givenname`]: given.charAt(0).toUpperCase() + given.slice(1),
      [`${CLAIMS}/surname`]: family.charAt(0).toUpperCase() + family.slice(1),
    }),
    getNameIdentifier: () => ({
      nameIdentifier: user.email,
      nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    }),
  };
}

function respond(form, res) {
  const user = { email: form.get('email') };
  const req = { method: 'POST', query: {}, body: Object.fromEntries(form), user };
  const shim = {
    set: (name, value) => res.setHeader(name, value),
    send: (body, more) => {
      if (typeof body === 'number') { res.statusCode = body; res.end(String(more || '')); return; }
      res.end(body);
    },
  };
  samlp.parseRequest(req, (parseError, request) => {
    if (parseError || !request) { res.statusCode = 400; res.end('No AuthnRequest'); return; }
    sign(request.assertionConsumerServiceURL, form, req, shim, res);
  });
}

function sign(acs, form, req, shim, res) {
  samlp.auth({
    issuer,
    destination: acs,
    recipient: acs,
    cert: readFileSync(CERT),
    key: readFileSync(KEY),
    profileMapper: mapper,
    authnContextClassRef: form.get('mfa') ? MFA_CLASS : PASSWORD_CLASS,
    getPostURL: (audience, request, _req, callback) => callback(null, acs),
  })(req, shim, (error) => { res.statusCode = 500; res.end(String(error)); });
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${PORT}`);
  if (req.method === 'GET' && url.pathname === '/sso') {
    res.setHeader('Content-Type', 'text/html');
    res.end(page(url.searchParams));
  } else if (req.method === 'POST' && url.pathname === '/sso') {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    respond(new URLSearchParams(raw), res);
  } else {
    res.statusCode = 404;
    res.end();
  }
}).listen(Number(PORT), '127.0.0.1', () => console.log('ready'));
