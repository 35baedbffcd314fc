export const resolvePrincipal = (token: string): string | null => (token ? "someone" : null);
