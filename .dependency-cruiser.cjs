// Dependency fences (STYLE.md): core is pure; runtimes do not reach into each other; a context reaches
// another only through its index.ts; contexts form a one-way graph (no cycles).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports only core/ and no IO modules.',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: '^core/|^node_modules/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      from: { path: '^core/', pathNot: '\\.test\\.tsx?$' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|worker_threads|dgram|dns|tls|cluster)$',
      },
    },
    {
      name: 'server-not-web-or-cli',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(web|cli|bench|e2e)/' },
    },
    {
      name: 'web-not-server-or-cli',
      comment: 'The web app talks to the server over HTTP only; it may import pure core/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|cli|bench)/' },
    },
    {
      name: 'context-through-index',
      comment:
        'server/<a>/x may import server/<b>/ only through server/<b>/index.ts (platform is shared infrastructure).',
      severity: 'error',
      from: { path: '^(core|server|web)/([^/]+)/' },
      to: {
        path: '^$1/([^/]+)/.+',
        pathNot: [
          '^$1/$2/',
          '^$1/[^/]+/index\\.tsx?$',
          '^server/platform/',
          '^web/ui/',
          '^web/app/',
          '^web/locales/',
        ],
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { pathNot: '\\.d\\.ts$' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};
