import { registerProcedures } from "../../middleware/input-accepted";
import { createCallerFactory, router } from "../../trpc";
import { completeMfa } from "./complete-mfa";
import { exchangeQr } from "./exchange-qr";
import { externalSignIn } from "./external-sign-in";
import { signIn } from "./sign-in";
import { signOut } from "./sign-out";
import { verifySteam } from "./verify-steam";

/**
 * The dashboard's sign-in steps (next-auth's callbacks), as procedures with the
 * same middleware as every other (global and sign-in limits, input guard,
 * error codes). Mounted on no HTTP route: only the web server calls them,
 * through `createBrowserCaller`, after it has verified what a provider
 * answered. API clients sign in with `auth.*`.
 */
export const browserRouter = router({
  browser: router({ signIn, completeMfa, exchangeQr, signOut, externalSignIn, verifySteam }),
});
registerProcedures(browserRouter);

export const createBrowserCaller = createCallerFactory(browserRouter);
