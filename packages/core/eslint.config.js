import base, { serverState } from "@guildhall/eslint-config";
export default [...base, serverState()];
