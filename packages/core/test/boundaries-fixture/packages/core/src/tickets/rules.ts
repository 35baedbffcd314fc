export const preview = (body: string): string => body.slice(0, 200);
