import base from "@guildhall/eslint-config";
export default base;
