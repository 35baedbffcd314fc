// Shared, type-aware lint rules. Each package's eslint.config.js spreads this.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const collections = "/^(Map|Set|WeakMap|WeakSet)$/";
const notReadonly = ":not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly/])";
const moduleLevel = [
  "Program > VariableDeclaration",
  "Program > ExportNamedDeclaration > VariableDeclaration",
];
const stateMessage =
  "Module-level mutable state exists once per bundle, not per process: keep it in processWide() (@guildhall/process-wide), or type a constant lookup table Readonly*.";

/**
 * Server code keeps no mutable state at module level (CONTRIBUTING: Next bundles each
 * runtime apart, so such state would exist once per bundle). Spread into the configs of
 * server packages; `files` limits it to their source.
 */
export function serverState(files = ["src/**/*.ts", "src/**/*.tsx"]) {
  return {
    files,
    rules: {
      "no-restricted-syntax": [
        "error",
        ...moduleLevel.map((at) => ({ selector: `${at}[kind!='const']`, message: stateMessage })),
        ...moduleLevel.map((at) => ({
          selector: `${at} > VariableDeclarator${notReadonly} > NewExpression[callee.name=${collections}]`,
          message: stateMessage,
        })),
        ...moduleLevel.map((at) => ({
          selector: `${at} > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.type="TSTypeOperator"]) > ArrayExpression[elements.length=0]`,
          message: stateMessage,
        })),
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/migrations/**",
      "**/*.config.*",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through env.ts only." },
      ],
    },
  },
  {
    // expect.any() and friends are typed `any` by design.
    files: ["**/test/**", "**/e2e/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
