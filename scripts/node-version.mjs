// Plain JavaScript on purpose: it must run on any Node to say, in one line, that Sealbridge needs Node 24.
export function assertNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    console.error(`Sealbridge needs Node.js 24 or newer; this is Node.js ${process.versions.node}. See .nvmrc and README.md.`);
    process.exit(1);
  }
}
