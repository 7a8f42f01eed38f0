import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the operations kept beside the components (src/**/*.graphql),
// checked against the server's generated schema: an operation that does not
// validate fails `generate`, and so `typecheck` and `build`.
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  errorsOnly: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
        skipTypename: false,
        nonOptionalTypename: false,
      },
    },
  },
};

export default config;
