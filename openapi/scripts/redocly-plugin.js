// Redocly plugin for the platform spec: types x-encrypted-content as schemas and checks x-dcodes against DCode.

/** Lets Redocly bundle and lint the schemas named by `x-encrypted-content` like any other schema. */
function addEncryptedContent(types) {
  return {
    ...types,
    // payload: a callback's decrypted layout (CallbackPayload) around its result (request).
    XEncryptedContent: { properties: { request: 'Schema', response: 'Schema', payload: 'Schema' } },
    Operation: {
      ...types.Operation,
      properties: { ...types.Operation.properties, 'x-encrypted-content': 'XEncryptedContent' },
    },
  }
}

/** Every code an operation lists in `x-dcodes` must be in the `DCode` enum and documented in its `x-dcodes` map. */
function dcodesDefined() {
  const uses = []
  return {
    Operation(operation, { location }) {
      for (const [index, code] of (operation['x-dcodes'] ?? []).entries()) {
        uses.push({ code, location: location.child(['x-dcodes', index]) })
      }
    },
    Root: {
      leave(root, { report, resolve }) {
        const ref = root.components?.schemas?.DCode
        const dcode = ref ? resolve(ref).node : undefined
        const known = new Set((dcode?.enum ?? []).filter((code) => dcode?.['x-dcodes']?.[code]))
        for (const { code, location } of uses) {
          if (!known.has(code)) report({ message: `${code} is not a documented DCode.`, location })
        }
      },
    },
  }
}

export default function platformPlugin() {
  return {
    id: 'platform',
    typeExtension: { oas3: addEncryptedContent },
    rules: { oas3: { 'dcodes-defined': dcodesDefined } },
  }
}
