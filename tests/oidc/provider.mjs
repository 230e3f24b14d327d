// A real OpenID Connect provider for the tests (npm oidc-provider, its development
// sign-in pages). Settings come from the environment, never from the command line:
// OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_TEAM.
// Any login name signs in as that e-mail address; the claim "team" is OIDC_TEAM.
const { default: Provider } = await import(
  new URL("../.npm-oidc/node_modules/oidc-provider/lib/index.js", import.meta.url)
);

const env = process.env;
const port = Number(env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env.OIDC_CLIENT_ID,
      client_secret: env.OIDC_CLIENT_SECRET,
      redirect_uris: [env.OIDC_REDIRECT_URI],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "team"] },
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: id,
      email_verified: true,
      name: id.split("@")[0],
      team: env.OIDC_TEAM || "",
    }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["test-only-cookie-key-" + port] },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on ${issuer}`));
