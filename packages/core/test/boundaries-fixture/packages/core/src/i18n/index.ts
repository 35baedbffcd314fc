export const locales = ["en"];
