/** The templates under templates/ the build modes deploy (readTemplate reads them from the bundle's assets). */
export const PREVIEW_TEMPLATE = 'preview-stack.yaml';
export const GRAFANA_ROLE_TEMPLATE = 'grafana-workspace-role.yaml';

/** destroy refuses the role stack with the same words: it lives here, where neither mode's module has to be loaded for it. */
export const GRAFANA_ROLE_OWNERSHIP_FIX = 'The role stack is named after the repository; one of that name exists and is not this repository\'s. Pass grafana-role-arn to use a role of your own, or delete that stack if it is unused.';
