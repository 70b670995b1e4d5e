// An OpenID Connect provider for the single sign-on tests (tests/sso): node-oidc-provider, with a sign-in
// page of its own that asks for an address and whether a second factor was used (the ID token's `amr`
// then says "mfa", as Entra ID's does). Any address signs in; the platform decides what to trust.
// Environment: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URIS (comma-separated). Prints "ready" when listening.
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URIS } = process.env;
const issuer = `http://127.0.0.1:${PORT}`;

function names(email) {
  const [given = '', family = ''] = email.split('@')[0].split('.');
  const title = (word) => word.charAt(0).toUpperCase() + word.slice(1);
  return { given_name: title(given), family_name: title(family) };
}

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: REDIRECT_URIS.split(','),
    token_endpoint_auth_method: 'client_secret_post',
  }],
  // amr with openid, so that every ID token says which methods the sign-in used (as Entra ID's do).
  claims: {
    openid: ['sub', 'amr'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'name'],
  },
  cookies: { keys: ['sso-peer-test-only'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, ...names(id) };
      },
    };
  },
  // The platform is the only client and asks for what it needs: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const page = (uid) => `<!doctype html><html lang="en"><head><title>Test identity provider (OpenID Connect)</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<p><label>Work email <input type="email" name="email" required></label></p>
<p><label>Password <input type="password" name="password"></label></p>
<p><label><input type="checkbox" name="mfa" value="1"> I confirmed with my authenticator app</label></p>
<p><button type="submit">Sign in to the identity provider</button></p>
</form></main></body></html>`;

async function formBody(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = page(details.uid);
    return undefined;
  }
  const form = await formBody(ctx.req);
  const amr = form.get('mfa') ? ['pwd', 'mfa'] : ['pwd'];
  const login = { accountId: form.get('email'), amr };
  ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { login }, { mergeWithLastSubmission: false }));
  return undefined;
});

provider.listen(Number(PORT), '127.0.0.1', () => console.log('ready'));
