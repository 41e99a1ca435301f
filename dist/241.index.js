"use strict";
exports.id = 241;
exports.ids = [241];
exports.modules = {

/***/ 9770:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveHttpAuthSchemeConfig = exports.defaultAmpHttpAuthSchemeProvider = exports.defaultAmpHttpAuthSchemeParametersProvider = void 0;
const httpAuthSchemes_1 = __webpack_require__(7523);
const client_1 = __webpack_require__(2658);
const defaultAmpHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: (0, client_1.getSmithyContext)(context).operation,
        region: await (0, client_1.normalizeProvider)(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
exports.defaultAmpHttpAuthSchemeParametersProvider = defaultAmpHttpAuthSchemeParametersProvider;
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "aps",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultAmpHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
exports.defaultAmpHttpAuthSchemeProvider = defaultAmpHttpAuthSchemeProvider;
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = (0, httpAuthSchemes_1.resolveAwsSdkSigV4Config)(config);
    return Object.assign(config_0, {
        authSchemePreference: (0, client_1.normalizeProvider)(config.authSchemePreference ?? []),
    });
};
exports.resolveHttpAuthSchemeConfig = resolveHttpAuthSchemeConfig;


/***/ }),

/***/ 9249:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.bdd = void 0;
const endpoints_1 = __webpack_require__(2085);
const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://aps-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://aps-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://aps.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://aps.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
exports.bdd = endpoints_1.BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);


/***/ }),

/***/ 4532:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultEndpointResolver = void 0;
const client_1 = __webpack_require__(5152);
const endpoints_1 = __webpack_require__(2085);
const bdd_1 = __webpack_require__(9249);
const cache = new endpoints_1.EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => (0, endpoints_1.decideEndpoint)(bdd_1.bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
exports.defaultEndpointResolver = defaultEndpointResolver;
endpoints_1.customEndpointFunctions.aws = client_1.awsEndpointFunctions;


/***/ }),

/***/ 4241:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var client$1 = __webpack_require__(5152);
var core = __webpack_require__(402);
var client = __webpack_require__(2658);
var config = __webpack_require__(7291);
var endpoints = __webpack_require__(2085);
var protocols = __webpack_require__(3422);
var retry = __webpack_require__(3609);
var schema = __webpack_require__(6890);
var httpAuthSchemeProvider = __webpack_require__(9770);
var runtimeConfig = __webpack_require__(267);
var schemas_0 = __webpack_require__(2089);
var errors = __webpack_require__(5325);
var AmpServiceException = __webpack_require__(190);

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "aps",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(client$1.getAwsRegionExtensionConfiguration(runtimeConfig), client.getDefaultExtensionConfiguration(runtimeConfig), protocols.getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, client$1.resolveAwsRegionExtensionConfiguration(extensionConfiguration), client.resolveDefaultRuntimeConfig(extensionConfiguration), protocols.resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class AmpClient extends client.Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = runtimeConfig.getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = client$1.resolveUserAgentConfig(_config_1);
        const _config_3 = retry.resolveRetryConfig(_config_2);
        const _config_4 = config.resolveRegionConfig(_config_3);
        const _config_5 = client$1.resolveHostHeaderConfig(_config_4);
        const _config_6 = endpoints.resolveEndpointConfig(_config_5);
        const _config_7 = httpAuthSchemeProvider.resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(schema.getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(client$1.getUserAgentPlugin(this.config));
        this.middlewareStack.use(retry.getRetryPlugin(this.config));
        this.middlewareStack.use(protocols.getContentLengthPlugin(this.config));
        this.middlewareStack.use(client$1.getHostHeaderPlugin(this.config));
        this.middlewareStack.use(client$1.getLoggerPlugin(this.config));
        this.middlewareStack.use(client$1.getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(core.getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: httpAuthSchemeProvider.defaultAmpHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new core.DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(core.getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

class CreateAlertManagerDefinitionCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateAlertManagerDefinition", {})
    .n("AmpClient", "CreateAlertManagerDefinitionCommand")
    .sc(schemas_0.CreateAlertManagerDefinition$)
    .build() {
}

class CreateAnomalyDetectorCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateAnomalyDetector", {})
    .n("AmpClient", "CreateAnomalyDetectorCommand")
    .sc(schemas_0.CreateAnomalyDetector$)
    .build() {
}

class CreateLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateLoggingConfiguration", {})
    .n("AmpClient", "CreateLoggingConfigurationCommand")
    .sc(schemas_0.CreateLoggingConfiguration$)
    .build() {
}

class CreateQueryLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateQueryLoggingConfiguration", {})
    .n("AmpClient", "CreateQueryLoggingConfigurationCommand")
    .sc(schemas_0.CreateQueryLoggingConfiguration$)
    .build() {
}

class CreateRuleGroupsNamespaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateRuleGroupsNamespace", {})
    .n("AmpClient", "CreateRuleGroupsNamespaceCommand")
    .sc(schemas_0.CreateRuleGroupsNamespace$)
    .build() {
}

class CreateScraperCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateScraper", {})
    .n("AmpClient", "CreateScraperCommand")
    .sc(schemas_0.CreateScraper$)
    .build() {
}

class CreateWorkspaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "CreateWorkspace", {})
    .n("AmpClient", "CreateWorkspaceCommand")
    .sc(schemas_0.CreateWorkspace$)
    .build() {
}

class DeleteAlertManagerDefinitionCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteAlertManagerDefinition", {})
    .n("AmpClient", "DeleteAlertManagerDefinitionCommand")
    .sc(schemas_0.DeleteAlertManagerDefinition$)
    .build() {
}

class DeleteAnomalyDetectorCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteAnomalyDetector", {})
    .n("AmpClient", "DeleteAnomalyDetectorCommand")
    .sc(schemas_0.DeleteAnomalyDetector$)
    .build() {
}

class DeleteLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteLoggingConfiguration", {})
    .n("AmpClient", "DeleteLoggingConfigurationCommand")
    .sc(schemas_0.DeleteLoggingConfiguration$)
    .build() {
}

class DeleteQueryLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteQueryLoggingConfiguration", {})
    .n("AmpClient", "DeleteQueryLoggingConfigurationCommand")
    .sc(schemas_0.DeleteQueryLoggingConfiguration$)
    .build() {
}

class DeleteResourcePolicyCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteResourcePolicy", {})
    .n("AmpClient", "DeleteResourcePolicyCommand")
    .sc(schemas_0.DeleteResourcePolicy$)
    .build() {
}

class DeleteRuleGroupsNamespaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteRuleGroupsNamespace", {})
    .n("AmpClient", "DeleteRuleGroupsNamespaceCommand")
    .sc(schemas_0.DeleteRuleGroupsNamespace$)
    .build() {
}

class DeleteScraperCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteScraper", {})
    .n("AmpClient", "DeleteScraperCommand")
    .sc(schemas_0.DeleteScraper$)
    .build() {
}

class DeleteScraperLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteScraperLoggingConfiguration", {})
    .n("AmpClient", "DeleteScraperLoggingConfigurationCommand")
    .sc(schemas_0.DeleteScraperLoggingConfiguration$)
    .build() {
}

class DeleteWorkspaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DeleteWorkspace", {})
    .n("AmpClient", "DeleteWorkspaceCommand")
    .sc(schemas_0.DeleteWorkspace$)
    .build() {
}

class DescribeAlertManagerDefinitionCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeAlertManagerDefinition", {})
    .n("AmpClient", "DescribeAlertManagerDefinitionCommand")
    .sc(schemas_0.DescribeAlertManagerDefinition$)
    .build() {
}

class DescribeAnomalyDetectorCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeAnomalyDetector", {})
    .n("AmpClient", "DescribeAnomalyDetectorCommand")
    .sc(schemas_0.DescribeAnomalyDetector$)
    .build() {
}

class DescribeLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeLoggingConfiguration", {})
    .n("AmpClient", "DescribeLoggingConfigurationCommand")
    .sc(schemas_0.DescribeLoggingConfiguration$)
    .build() {
}

class DescribeQueryLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeQueryLoggingConfiguration", {})
    .n("AmpClient", "DescribeQueryLoggingConfigurationCommand")
    .sc(schemas_0.DescribeQueryLoggingConfiguration$)
    .build() {
}

class DescribeResourcePolicyCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeResourcePolicy", {})
    .n("AmpClient", "DescribeResourcePolicyCommand")
    .sc(schemas_0.DescribeResourcePolicy$)
    .build() {
}

class DescribeRuleGroupsNamespaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeRuleGroupsNamespace", {})
    .n("AmpClient", "DescribeRuleGroupsNamespaceCommand")
    .sc(schemas_0.DescribeRuleGroupsNamespace$)
    .build() {
}

class DescribeScraperCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeScraper", {})
    .n("AmpClient", "DescribeScraperCommand")
    .sc(schemas_0.DescribeScraper$)
    .build() {
}

class DescribeScraperLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeScraperLoggingConfiguration", {})
    .n("AmpClient", "DescribeScraperLoggingConfigurationCommand")
    .sc(schemas_0.DescribeScraperLoggingConfiguration$)
    .build() {
}

class DescribeWorkspaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeWorkspace", {})
    .n("AmpClient", "DescribeWorkspaceCommand")
    .sc(schemas_0.DescribeWorkspace$)
    .build() {
}

class DescribeWorkspaceConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "DescribeWorkspaceConfiguration", {})
    .n("AmpClient", "DescribeWorkspaceConfigurationCommand")
    .sc(schemas_0.DescribeWorkspaceConfiguration$)
    .build() {
}

class GetDefaultScraperConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "GetDefaultScraperConfiguration", {})
    .n("AmpClient", "GetDefaultScraperConfigurationCommand")
    .sc(schemas_0.GetDefaultScraperConfiguration$)
    .build() {
}

class ListAnomalyDetectorsCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "ListAnomalyDetectors", {})
    .n("AmpClient", "ListAnomalyDetectorsCommand")
    .sc(schemas_0.ListAnomalyDetectors$)
    .build() {
}

class ListRuleGroupsNamespacesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "ListRuleGroupsNamespaces", {})
    .n("AmpClient", "ListRuleGroupsNamespacesCommand")
    .sc(schemas_0.ListRuleGroupsNamespaces$)
    .build() {
}

class ListScrapersCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "ListScrapers", {})
    .n("AmpClient", "ListScrapersCommand")
    .sc(schemas_0.ListScrapers$)
    .build() {
}

class ListTagsForResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "ListTagsForResource", {})
    .n("AmpClient", "ListTagsForResourceCommand")
    .sc(schemas_0.ListTagsForResource$)
    .build() {
}

class ListWorkspacesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "ListWorkspaces", {})
    .n("AmpClient", "ListWorkspacesCommand")
    .sc(schemas_0.ListWorkspaces$)
    .build() {
}

class PutAlertManagerDefinitionCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "PutAlertManagerDefinition", {})
    .n("AmpClient", "PutAlertManagerDefinitionCommand")
    .sc(schemas_0.PutAlertManagerDefinition$)
    .build() {
}

class PutAnomalyDetectorCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "PutAnomalyDetector", {})
    .n("AmpClient", "PutAnomalyDetectorCommand")
    .sc(schemas_0.PutAnomalyDetector$)
    .build() {
}

class PutResourcePolicyCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "PutResourcePolicy", {})
    .n("AmpClient", "PutResourcePolicyCommand")
    .sc(schemas_0.PutResourcePolicy$)
    .build() {
}

class PutRuleGroupsNamespaceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "PutRuleGroupsNamespace", {})
    .n("AmpClient", "PutRuleGroupsNamespaceCommand")
    .sc(schemas_0.PutRuleGroupsNamespace$)
    .build() {
}

class TagResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "TagResource", {})
    .n("AmpClient", "TagResourceCommand")
    .sc(schemas_0.TagResource$)
    .build() {
}

class UntagResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UntagResource", {})
    .n("AmpClient", "UntagResourceCommand")
    .sc(schemas_0.UntagResource$)
    .build() {
}

class UpdateLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateLoggingConfiguration", {})
    .n("AmpClient", "UpdateLoggingConfigurationCommand")
    .sc(schemas_0.UpdateLoggingConfiguration$)
    .build() {
}

class UpdateQueryLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateQueryLoggingConfiguration", {})
    .n("AmpClient", "UpdateQueryLoggingConfigurationCommand")
    .sc(schemas_0.UpdateQueryLoggingConfiguration$)
    .build() {
}

class UpdateScraperCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateScraper", {})
    .n("AmpClient", "UpdateScraperCommand")
    .sc(schemas_0.UpdateScraper$)
    .build() {
}

class UpdateScraperLoggingConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateScraperLoggingConfiguration", {})
    .n("AmpClient", "UpdateScraperLoggingConfigurationCommand")
    .sc(schemas_0.UpdateScraperLoggingConfiguration$)
    .build() {
}

class UpdateWorkspaceAliasCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateWorkspaceAlias", {})
    .n("AmpClient", "UpdateWorkspaceAliasCommand")
    .sc(schemas_0.UpdateWorkspaceAlias$)
    .build() {
}

class UpdateWorkspaceConfigurationCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AmazonPrometheusService", "UpdateWorkspaceConfiguration", {})
    .n("AmpClient", "UpdateWorkspaceConfigurationCommand")
    .sc(schemas_0.UpdateWorkspaceConfiguration$)
    .build() {
}

const paginateListAnomalyDetectors = core.createPaginator(AmpClient, ListAnomalyDetectorsCommand, "nextToken", "nextToken", "maxResults");

const paginateListRuleGroupsNamespaces = core.createPaginator(AmpClient, ListRuleGroupsNamespacesCommand, "nextToken", "nextToken", "maxResults");

const paginateListScrapers = core.createPaginator(AmpClient, ListScrapersCommand, "nextToken", "nextToken", "maxResults");

const paginateListWorkspaces = core.createPaginator(AmpClient, ListWorkspacesCommand, "nextToken", "nextToken", "maxResults");

const checkState$5 = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeAnomalyDetectorCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.anomalyDetector.status.statusCode;
            };
            if (returnComparator() === "ACTIVE") {
                return { state: client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                return result.anomalyDetector.status.statusCode;
            };
            if (returnComparator() === "CREATING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                return result.anomalyDetector.status.statusCode;
            };
            if (returnComparator() === "UPDATING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForAnomalyDetectorActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$5);
};
const waitUntilAnomalyDetectorActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$5);
    return client.checkExceptions(result);
};

const checkState$4 = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeAnomalyDetectorCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.anomalyDetector.status.statusCode;
            };
            if (returnComparator() === "DELETING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "ResourceNotFoundException") {
            return { state: client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForAnomalyDetectorDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$4);
};
const waitUntilAnomalyDetectorDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$4);
    return client.checkExceptions(result);
};

const checkState$3 = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeScraperCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.scraper.status.statusCode;
            };
            if (returnComparator() === "ACTIVE") {
                return { state: client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                return result.scraper.status.statusCode;
            };
            if (returnComparator() === "CREATION_FAILED") {
                return { state: client.WaiterState.FAILURE, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForScraperActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$3);
};
const waitUntilScraperActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$3);
    return client.checkExceptions(result);
};

const checkState$2 = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeScraperCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.scraper.status.statusCode;
            };
            if (returnComparator() === "DELETION_FAILED") {
                return { state: client.WaiterState.FAILURE, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "ResourceNotFoundException") {
            return { state: client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForScraperDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$2);
};
const waitUntilScraperDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$2);
    return client.checkExceptions(result);
};

const checkState$1 = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeWorkspaceCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.workspace.status.statusCode;
            };
            if (returnComparator() === "ACTIVE") {
                return { state: client.WaiterState.SUCCESS, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                return result.workspace.status.statusCode;
            };
            if (returnComparator() === "UPDATING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
        try {
            const returnComparator = () => {
                return result.workspace.status.statusCode;
            };
            if (returnComparator() === "CREATING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForWorkspaceActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$1);
};
const waitUntilWorkspaceActive = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState$1);
    return client.checkExceptions(result);
};

const checkState = async (client$1, input) => {
    let reason;
    try {
        let result = await client$1.send(new DescribeWorkspaceCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.workspace.status.statusCode;
            };
            if (returnComparator() === "DELETING") {
                return { state: client.WaiterState.RETRY, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
        if (exception.name === "ResourceNotFoundException") {
            return { state: client.WaiterState.SUCCESS, reason };
        }
    }
    return { state: client.WaiterState.RETRY, reason };
};
const waitForWorkspaceDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    return client.createWaiter({ ...serviceDefaults, ...params }, input, checkState);
};
const waitUntilWorkspaceDeleted = async (params, input) => {
    const serviceDefaults = { minDelay: 2, maxDelay: 120 };
    const result = await client.createWaiter({ ...serviceDefaults, ...params }, input, checkState);
    return client.checkExceptions(result);
};

const commands = {
    CreateAlertManagerDefinitionCommand,
    CreateAnomalyDetectorCommand,
    CreateLoggingConfigurationCommand,
    CreateQueryLoggingConfigurationCommand,
    CreateRuleGroupsNamespaceCommand,
    CreateScraperCommand,
    CreateWorkspaceCommand,
    DeleteAlertManagerDefinitionCommand,
    DeleteAnomalyDetectorCommand,
    DeleteLoggingConfigurationCommand,
    DeleteQueryLoggingConfigurationCommand,
    DeleteResourcePolicyCommand,
    DeleteRuleGroupsNamespaceCommand,
    DeleteScraperCommand,
    DeleteScraperLoggingConfigurationCommand,
    DeleteWorkspaceCommand,
    DescribeAlertManagerDefinitionCommand,
    DescribeAnomalyDetectorCommand,
    DescribeLoggingConfigurationCommand,
    DescribeQueryLoggingConfigurationCommand,
    DescribeResourcePolicyCommand,
    DescribeRuleGroupsNamespaceCommand,
    DescribeScraperCommand,
    DescribeScraperLoggingConfigurationCommand,
    DescribeWorkspaceCommand,
    DescribeWorkspaceConfigurationCommand,
    GetDefaultScraperConfigurationCommand,
    ListAnomalyDetectorsCommand,
    ListRuleGroupsNamespacesCommand,
    ListScrapersCommand,
    ListTagsForResourceCommand,
    ListWorkspacesCommand,
    PutAlertManagerDefinitionCommand,
    PutAnomalyDetectorCommand,
    PutResourcePolicyCommand,
    PutRuleGroupsNamespaceCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateLoggingConfigurationCommand,
    UpdateQueryLoggingConfigurationCommand,
    UpdateScraperCommand,
    UpdateScraperLoggingConfigurationCommand,
    UpdateWorkspaceAliasCommand,
    UpdateWorkspaceConfigurationCommand,
};
const paginators = {
    paginateListAnomalyDetectors,
    paginateListRuleGroupsNamespaces,
    paginateListScrapers,
    paginateListWorkspaces,
};
const waiters = {
    waitUntilAnomalyDetectorActive,
    waitUntilAnomalyDetectorDeleted,
    waitUntilScraperActive,
    waitUntilScraperDeleted,
    waitUntilWorkspaceActive,
    waitUntilWorkspaceDeleted,
};
class Amp extends AmpClient {
}
client.createAggregatedClient(commands, Amp, { paginators, waiters });

const AlertManagerDefinitionStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const ValidationExceptionReason = {
    CANNOT_PARSE: "CANNOT_PARSE",
    FIELD_VALIDATION_FAILED: "FIELD_VALIDATION_FAILED",
    OTHER: "OTHER",
    UNKNOWN_OPERATION: "UNKNOWN_OPERATION",
};
const ScraperStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    DELETION_FAILED: "DELETION_FAILED",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const ScraperComponentType = {
    COLLECTOR: "COLLECTOR",
    EXPORTER: "EXPORTER",
    SERVICE_DISCOVERY: "SERVICE_DISCOVERY",
};
const ScraperLoggingConfigurationStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const AnomalyDetectorStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    DELETION_FAILED: "DELETION_FAILED",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const WorkspaceStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATING: "UPDATING",
};
const LoggingConfigurationStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const QueryLoggingConfigurationStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const RuleGroupsNamespaceStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    CREATION_FAILED: "CREATION_FAILED",
    DELETING: "DELETING",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const WorkspaceConfigurationStatusCode = {
    ACTIVE: "ACTIVE",
    UPDATE_FAILED: "UPDATE_FAILED",
    UPDATING: "UPDATING",
};
const WorkspacePolicyStatusCode = {
    ACTIVE: "ACTIVE",
    CREATING: "CREATING",
    DELETING: "DELETING",
    UPDATING: "UPDATING",
};

exports.$Command = client.Command;
exports.__Client = client.Client;
exports.AmpServiceException = AmpServiceException.AmpServiceException;
exports.AlertManagerDefinitionStatusCode = AlertManagerDefinitionStatusCode;
exports.Amp = Amp;
exports.AmpClient = AmpClient;
exports.AnomalyDetectorStatusCode = AnomalyDetectorStatusCode;
exports.CreateAlertManagerDefinitionCommand = CreateAlertManagerDefinitionCommand;
exports.CreateAnomalyDetectorCommand = CreateAnomalyDetectorCommand;
exports.CreateLoggingConfigurationCommand = CreateLoggingConfigurationCommand;
exports.CreateQueryLoggingConfigurationCommand = CreateQueryLoggingConfigurationCommand;
exports.CreateRuleGroupsNamespaceCommand = CreateRuleGroupsNamespaceCommand;
exports.CreateScraperCommand = CreateScraperCommand;
exports.CreateWorkspaceCommand = CreateWorkspaceCommand;
exports.DeleteAlertManagerDefinitionCommand = DeleteAlertManagerDefinitionCommand;
exports.DeleteAnomalyDetectorCommand = DeleteAnomalyDetectorCommand;
exports.DeleteLoggingConfigurationCommand = DeleteLoggingConfigurationCommand;
exports.DeleteQueryLoggingConfigurationCommand = DeleteQueryLoggingConfigurationCommand;
exports.DeleteResourcePolicyCommand = DeleteResourcePolicyCommand;
exports.DeleteRuleGroupsNamespaceCommand = DeleteRuleGroupsNamespaceCommand;
exports.DeleteScraperCommand = DeleteScraperCommand;
exports.DeleteScraperLoggingConfigurationCommand = DeleteScraperLoggingConfigurationCommand;
exports.DeleteWorkspaceCommand = DeleteWorkspaceCommand;
exports.DescribeAlertManagerDefinitionCommand = DescribeAlertManagerDefinitionCommand;
exports.DescribeAnomalyDetectorCommand = DescribeAnomalyDetectorCommand;
exports.DescribeLoggingConfigurationCommand = DescribeLoggingConfigurationCommand;
exports.DescribeQueryLoggingConfigurationCommand = DescribeQueryLoggingConfigurationCommand;
exports.DescribeResourcePolicyCommand = DescribeResourcePolicyCommand;
exports.DescribeRuleGroupsNamespaceCommand = DescribeRuleGroupsNamespaceCommand;
exports.DescribeScraperCommand = DescribeScraperCommand;
exports.DescribeScraperLoggingConfigurationCommand = DescribeScraperLoggingConfigurationCommand;
exports.DescribeWorkspaceCommand = DescribeWorkspaceCommand;
exports.DescribeWorkspaceConfigurationCommand = DescribeWorkspaceConfigurationCommand;
exports.GetDefaultScraperConfigurationCommand = GetDefaultScraperConfigurationCommand;
exports.ListAnomalyDetectorsCommand = ListAnomalyDetectorsCommand;
exports.ListRuleGroupsNamespacesCommand = ListRuleGroupsNamespacesCommand;
exports.ListScrapersCommand = ListScrapersCommand;
exports.ListTagsForResourceCommand = ListTagsForResourceCommand;
exports.ListWorkspacesCommand = ListWorkspacesCommand;
exports.LoggingConfigurationStatusCode = LoggingConfigurationStatusCode;
exports.PutAlertManagerDefinitionCommand = PutAlertManagerDefinitionCommand;
exports.PutAnomalyDetectorCommand = PutAnomalyDetectorCommand;
exports.PutResourcePolicyCommand = PutResourcePolicyCommand;
exports.PutRuleGroupsNamespaceCommand = PutRuleGroupsNamespaceCommand;
exports.QueryLoggingConfigurationStatusCode = QueryLoggingConfigurationStatusCode;
exports.RuleGroupsNamespaceStatusCode = RuleGroupsNamespaceStatusCode;
exports.ScraperComponentType = ScraperComponentType;
exports.ScraperLoggingConfigurationStatusCode = ScraperLoggingConfigurationStatusCode;
exports.ScraperStatusCode = ScraperStatusCode;
exports.TagResourceCommand = TagResourceCommand;
exports.UntagResourceCommand = UntagResourceCommand;
exports.UpdateLoggingConfigurationCommand = UpdateLoggingConfigurationCommand;
exports.UpdateQueryLoggingConfigurationCommand = UpdateQueryLoggingConfigurationCommand;
exports.UpdateScraperCommand = UpdateScraperCommand;
exports.UpdateScraperLoggingConfigurationCommand = UpdateScraperLoggingConfigurationCommand;
exports.UpdateWorkspaceAliasCommand = UpdateWorkspaceAliasCommand;
exports.UpdateWorkspaceConfigurationCommand = UpdateWorkspaceConfigurationCommand;
exports.ValidationExceptionReason = ValidationExceptionReason;
exports.WorkspaceConfigurationStatusCode = WorkspaceConfigurationStatusCode;
exports.WorkspacePolicyStatusCode = WorkspacePolicyStatusCode;
exports.WorkspaceStatusCode = WorkspaceStatusCode;
exports.paginateListAnomalyDetectors = paginateListAnomalyDetectors;
exports.paginateListRuleGroupsNamespaces = paginateListRuleGroupsNamespaces;
exports.paginateListScrapers = paginateListScrapers;
exports.paginateListWorkspaces = paginateListWorkspaces;
exports.waitForAnomalyDetectorActive = waitForAnomalyDetectorActive;
exports.waitForAnomalyDetectorDeleted = waitForAnomalyDetectorDeleted;
exports.waitForScraperActive = waitForScraperActive;
exports.waitForScraperDeleted = waitForScraperDeleted;
exports.waitForWorkspaceActive = waitForWorkspaceActive;
exports.waitForWorkspaceDeleted = waitForWorkspaceDeleted;
exports.waitUntilAnomalyDetectorActive = waitUntilAnomalyDetectorActive;
exports.waitUntilAnomalyDetectorDeleted = waitUntilAnomalyDetectorDeleted;
exports.waitUntilScraperActive = waitUntilScraperActive;
exports.waitUntilScraperDeleted = waitUntilScraperDeleted;
exports.waitUntilWorkspaceActive = waitUntilWorkspaceActive;
exports.waitUntilWorkspaceDeleted = waitUntilWorkspaceDeleted;
Object.prototype.hasOwnProperty.call(schemas_0, '__proto__') &&
    !Object.prototype.hasOwnProperty.call(exports, '__proto__') &&
    Object.defineProperty(exports, '__proto__', {
        enumerable: true,
        value: schemas_0['__proto__']
    });

Object.keys(schemas_0).forEach(function (k) {
    if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = schemas_0[k];
});
Object.prototype.hasOwnProperty.call(errors, '__proto__') &&
    !Object.prototype.hasOwnProperty.call(exports, '__proto__') &&
    Object.defineProperty(exports, '__proto__', {
        enumerable: true,
        value: errors['__proto__']
    });

Object.keys(errors).forEach(function (k) {
    if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = errors[k];
});


/***/ }),

/***/ 190:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AmpServiceException = exports.__ServiceException = void 0;
const client_1 = __webpack_require__(2658);
Object.defineProperty(exports, "__ServiceException", ({ enumerable: true, get: function () { return client_1.ServiceException; } }));
class AmpServiceException extends client_1.ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AmpServiceException.prototype);
    }
}
exports.AmpServiceException = AmpServiceException;


/***/ }),

/***/ 5325:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValidationException = exports.ThrottlingException = exports.ServiceQuotaExceededException = exports.ResourceNotFoundException = exports.InternalServerException = exports.ConflictException = exports.AccessDeniedException = void 0;
const AmpServiceException_1 = __webpack_require__(190);
class AccessDeniedException extends AmpServiceException_1.AmpServiceException {
    name = "AccessDeniedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "AccessDeniedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
    }
}
exports.AccessDeniedException = AccessDeniedException;
class ConflictException extends AmpServiceException_1.AmpServiceException {
    name = "ConflictException";
    $fault = "client";
    resourceId;
    resourceType;
    constructor(opts) {
        super({
            name: "ConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictException.prototype);
        this.resourceId = opts.resourceId;
        this.resourceType = opts.resourceType;
    }
}
exports.ConflictException = ConflictException;
class InternalServerException extends AmpServiceException_1.AmpServiceException {
    name = "InternalServerException";
    $fault = "server";
    $retryable = {};
    retryAfterSeconds;
    constructor(opts) {
        super({
            name: "InternalServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerException.prototype);
        this.retryAfterSeconds = opts.retryAfterSeconds;
    }
}
exports.InternalServerException = InternalServerException;
class ResourceNotFoundException extends AmpServiceException_1.AmpServiceException {
    name = "ResourceNotFoundException";
    $fault = "client";
    resourceId;
    resourceType;
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
        this.resourceId = opts.resourceId;
        this.resourceType = opts.resourceType;
    }
}
exports.ResourceNotFoundException = ResourceNotFoundException;
class ServiceQuotaExceededException extends AmpServiceException_1.AmpServiceException {
    name = "ServiceQuotaExceededException";
    $fault = "client";
    resourceId;
    resourceType;
    serviceCode;
    quotaCode;
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.resourceId = opts.resourceId;
        this.resourceType = opts.resourceType;
        this.serviceCode = opts.serviceCode;
        this.quotaCode = opts.quotaCode;
    }
}
exports.ServiceQuotaExceededException = ServiceQuotaExceededException;
class ThrottlingException extends AmpServiceException_1.AmpServiceException {
    name = "ThrottlingException";
    $fault = "client";
    $retryable = {};
    serviceCode;
    quotaCode;
    retryAfterSeconds;
    constructor(opts) {
        super({
            name: "ThrottlingException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
        this.serviceCode = opts.serviceCode;
        this.quotaCode = opts.quotaCode;
        this.retryAfterSeconds = opts.retryAfterSeconds;
    }
}
exports.ThrottlingException = ThrottlingException;
class ValidationException extends AmpServiceException_1.AmpServiceException {
    name = "ValidationException";
    $fault = "client";
    reason;
    fieldList;
    constructor(opts) {
        super({
            name: "ValidationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ValidationException.prototype);
        this.reason = opts.reason;
        this.fieldList = opts.fieldList;
    }
}
exports.ValidationException = ValidationException;


/***/ }),

/***/ 267:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRuntimeConfig = void 0;
const tslib_1 = __webpack_require__(1860);
const package_json_1 = tslib_1.__importDefault(__webpack_require__(9285));
const client_1 = __webpack_require__(5152);
const httpAuthSchemes_1 = __webpack_require__(7523);
const credential_provider_node_1 = __webpack_require__(5861);
const client_2 = __webpack_require__(2658);
const config_1 = __webpack_require__(7291);
const retry_1 = __webpack_require__(3609);
const serde_1 = __webpack_require__(2430);
const node_http_handler_1 = __webpack_require__(1279);
const runtimeConfig_shared_1 = __webpack_require__(3496);
const getRuntimeConfig = (config) => {
    (0, client_2.emitWarningIfUnsupportedVersion)(process.version);
    const defaultsMode = (0, config_1.resolveDefaultsModeConfig)(config);
    const defaultConfigProvider = () => defaultsMode().then(client_2.loadConfigsForDefaultMode);
    const clientSharedValues = (0, runtimeConfig_shared_1.getRuntimeConfig)(config);
    (0, client_1.emitWarningIfUnsupportedVersion)(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? (0, config_1.loadConfig)(httpAuthSchemes_1.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? serde_1.calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? credential_provider_node_1.defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? (0, client_1.createDefaultUserAgentProvider)({ serviceId: clientSharedValues.serviceId, clientVersion: package_json_1.default.version }),
        maxAttempts: config?.maxAttempts ?? (0, config_1.loadConfig)(retry_1.NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? (0, config_1.loadConfig)(config_1.NODE_REGION_CONFIG_OPTIONS, { ...config_1.NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: node_http_handler_1.NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            (0, config_1.loadConfig)({
                ...retry_1.NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || retry_1.DEFAULT_RETRY_MODE,
            }, config),
        sha256: config?.sha256 ?? serde_1.Hash.bind(null, "sha256"),
        streamCollector: config?.streamCollector ?? node_http_handler_1.streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? (0, config_1.loadConfig)(config_1.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? (0, config_1.loadConfig)(config_1.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? (0, config_1.loadConfig)(client_1.NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};
exports.getRuntimeConfig = getRuntimeConfig;


/***/ }),

/***/ 3496:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRuntimeConfig = void 0;
const httpAuthSchemes_1 = __webpack_require__(7523);
const protocols_1 = __webpack_require__(7288);
const client_1 = __webpack_require__(2658);
const protocols_2 = __webpack_require__(3422);
const serde_1 = __webpack_require__(2430);
const httpAuthSchemeProvider_1 = __webpack_require__(9770);
const endpointResolver_1 = __webpack_require__(4532);
const schemas_0_1 = __webpack_require__(2089);
const getRuntimeConfig = (config) => {
    return {
        apiVersion: "2020-08-01",
        base64Decoder: config?.base64Decoder ?? serde_1.fromBase64,
        base64Encoder: config?.base64Encoder ?? serde_1.toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? endpointResolver_1.defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? httpAuthSchemeProvider_1.defaultAmpHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new httpAuthSchemes_1.AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new client_1.NoOpLogger(),
        protocol: config?.protocol ?? protocols_1.AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.amp",
            errorTypeRegistries: schemas_0_1.errorTypeRegistries,
            version: "2020-08-01",
            serviceTarget: "AmazonPrometheusService",
        },
        serviceId: config?.serviceId ?? "amp",
        urlParser: config?.urlParser ?? protocols_2.parseUrl,
        utf8Decoder: config?.utf8Decoder ?? serde_1.fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? serde_1.toUtf8,
    };
};
exports.getRuntimeConfig = getRuntimeConfig;


/***/ }),

/***/ 2089:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DescribeResourcePolicyRequest$ = exports.DescribeQueryLoggingConfigurationResponse$ = exports.DescribeQueryLoggingConfigurationRequest$ = exports.DescribeLoggingConfigurationResponse$ = exports.DescribeLoggingConfigurationRequest$ = exports.DescribeAnomalyDetectorResponse$ = exports.DescribeAnomalyDetectorRequest$ = exports.DescribeAlertManagerDefinitionResponse$ = exports.DescribeAlertManagerDefinitionRequest$ = exports.DeleteWorkspaceRequest$ = exports.DeleteScraperResponse$ = exports.DeleteScraperRequest$ = exports.DeleteScraperLoggingConfigurationRequest$ = exports.DeleteRuleGroupsNamespaceRequest$ = exports.DeleteResourcePolicyRequest$ = exports.DeleteQueryLoggingConfigurationRequest$ = exports.DeleteLoggingConfigurationRequest$ = exports.DeleteAnomalyDetectorRequest$ = exports.DeleteAlertManagerDefinitionRequest$ = exports.CreateWorkspaceResponse$ = exports.CreateWorkspaceRequest$ = exports.CreateScraperResponse$ = exports.CreateScraperRequest$ = exports.CreateRuleGroupsNamespaceResponse$ = exports.CreateRuleGroupsNamespaceRequest$ = exports.CreateQueryLoggingConfigurationResponse$ = exports.CreateQueryLoggingConfigurationRequest$ = exports.CreateLoggingConfigurationResponse$ = exports.CreateLoggingConfigurationRequest$ = exports.CreateAnomalyDetectorResponse$ = exports.CreateAnomalyDetectorRequest$ = exports.CreateAlertManagerDefinitionResponse$ = exports.CreateAlertManagerDefinitionRequest$ = exports.ComponentConfig$ = exports.CloudWatchLogDestination$ = exports.AnomalyDetectorSummary$ = exports.AnomalyDetectorStatus$ = exports.AnomalyDetectorDescription$ = exports.AmpConfiguration$ = exports.AlertManagerDefinitionStatus$ = exports.AlertManagerDefinitionDescription$ = exports.errorTypeRegistries = exports.ValidationException$ = exports.ThrottlingException$ = exports.ServiceQuotaExceededException$ = exports.ResourceNotFoundException$ = exports.InternalServerException$ = exports.ConflictException$ = exports.AccessDeniedException$ = exports.AmpServiceException$ = void 0;
exports.ScraperSummary$ = exports.ScraperStatus$ = exports.ScraperLoggingConfigurationStatus$ = exports.ScraperDescription$ = exports.ScraperComponent$ = exports.RuleGroupsNamespaceSummary$ = exports.RuleGroupsNamespaceStatus$ = exports.RuleGroupsNamespaceDescription$ = exports.RoleConfiguration$ = exports.RandomCutForestConfiguration$ = exports.QueryLoggingConfigurationStatus$ = exports.QueryLoggingConfigurationMetadata$ = exports.PutRuleGroupsNamespaceResponse$ = exports.PutRuleGroupsNamespaceRequest$ = exports.PutResourcePolicyResponse$ = exports.PutResourcePolicyRequest$ = exports.PutAnomalyDetectorResponse$ = exports.PutAnomalyDetectorRequest$ = exports.PutAlertManagerDefinitionResponse$ = exports.PutAlertManagerDefinitionRequest$ = exports.LoggingFilter$ = exports.LoggingDestination$ = exports.LoggingConfigurationStatus$ = exports.LoggingConfigurationMetadata$ = exports.ListWorkspacesResponse$ = exports.ListWorkspacesRequest$ = exports.ListTagsForResourceResponse$ = exports.ListTagsForResourceRequest$ = exports.ListScrapersResponse$ = exports.ListScrapersRequest$ = exports.ListRuleGroupsNamespacesResponse$ = exports.ListRuleGroupsNamespacesRequest$ = exports.ListAnomalyDetectorsResponse$ = exports.ListAnomalyDetectorsRequest$ = exports.LimitsPerLabelSetEntry$ = exports.LimitsPerLabelSet$ = exports.GetDefaultScraperConfigurationResponse$ = exports.GetDefaultScraperConfigurationRequest$ = exports.EksConfiguration$ = exports.DescribeWorkspaceResponse$ = exports.DescribeWorkspaceRequest$ = exports.DescribeWorkspaceConfigurationResponse$ = exports.DescribeWorkspaceConfigurationRequest$ = exports.DescribeScraperResponse$ = exports.DescribeScraperRequest$ = exports.DescribeScraperLoggingConfigurationResponse$ = exports.DescribeScraperLoggingConfigurationRequest$ = exports.DescribeRuleGroupsNamespaceResponse$ = exports.DescribeRuleGroupsNamespaceRequest$ = exports.DescribeResourcePolicyResponse$ = void 0;
exports.DescribeResourcePolicy$ = exports.DescribeQueryLoggingConfiguration$ = exports.DescribeLoggingConfiguration$ = exports.DescribeAnomalyDetector$ = exports.DescribeAlertManagerDefinition$ = exports.DeleteWorkspace$ = exports.DeleteScraperLoggingConfiguration$ = exports.DeleteScraper$ = exports.DeleteRuleGroupsNamespace$ = exports.DeleteResourcePolicy$ = exports.DeleteQueryLoggingConfiguration$ = exports.DeleteLoggingConfiguration$ = exports.DeleteAnomalyDetector$ = exports.DeleteAlertManagerDefinition$ = exports.CreateWorkspace$ = exports.CreateScraper$ = exports.CreateRuleGroupsNamespace$ = exports.CreateQueryLoggingConfiguration$ = exports.CreateLoggingConfiguration$ = exports.CreateAnomalyDetector$ = exports.CreateAlertManagerDefinition$ = exports.Source$ = exports.ScraperLoggingDestination$ = exports.ScrapeConfiguration$ = exports.IgnoreNearExpected$ = exports.Destination$ = exports.AnomalyDetectorMissingDataAction$ = exports.AnomalyDetectorConfiguration$ = exports.WorkspaceSummary$ = exports.WorkspaceStatus$ = exports.WorkspaceDescription$ = exports.WorkspaceConfigurationStatus$ = exports.WorkspaceConfigurationDescription$ = exports.VpcConfiguration$ = exports.ValidationExceptionField$ = exports.UpdateWorkspaceConfigurationResponse$ = exports.UpdateWorkspaceConfigurationRequest$ = exports.UpdateWorkspaceAliasRequest$ = exports.UpdateScraperResponse$ = exports.UpdateScraperRequest$ = exports.UpdateScraperLoggingConfigurationResponse$ = exports.UpdateScraperLoggingConfigurationRequest$ = exports.UpdateQueryLoggingConfigurationResponse$ = exports.UpdateQueryLoggingConfigurationRequest$ = exports.UpdateLoggingConfigurationResponse$ = exports.UpdateLoggingConfigurationRequest$ = exports.UntagResourceResponse$ = exports.UntagResourceRequest$ = exports.TagResourceResponse$ = exports.TagResourceRequest$ = void 0;
exports.UpdateWorkspaceConfiguration$ = exports.UpdateWorkspaceAlias$ = exports.UpdateScraperLoggingConfiguration$ = exports.UpdateScraper$ = exports.UpdateQueryLoggingConfiguration$ = exports.UpdateLoggingConfiguration$ = exports.UntagResource$ = exports.TagResource$ = exports.PutRuleGroupsNamespace$ = exports.PutResourcePolicy$ = exports.PutAnomalyDetector$ = exports.PutAlertManagerDefinition$ = exports.ListWorkspaces$ = exports.ListTagsForResource$ = exports.ListScrapers$ = exports.ListRuleGroupsNamespaces$ = exports.ListAnomalyDetectors$ = exports.GetDefaultScraperConfiguration$ = exports.DescribeWorkspaceConfiguration$ = exports.DescribeWorkspace$ = exports.DescribeScraperLoggingConfiguration$ = exports.DescribeScraper$ = exports.DescribeRuleGroupsNamespace$ = void 0;
const _AC = "AmpConfiguration";
const _ADC = "AnomalyDetectorConfiguration";
const _ADD = "AnomalyDetectorDescription";
const _ADE = "AccessDeniedException";
const _ADMDA = "AnomalyDetectorMissingDataAction";
const _ADS = "AnomalyDetectorStatus";
const _ADSL = "AnomalyDetectorSummaryList";
const _ADSn = "AnomalyDetectorSummary";
const _AMDD = "AlertManagerDefinitionDescription";
const _AMDS = "AlertManagerDefinitionStatus";
const _CAD = "CreateAnomalyDetector";
const _CADR = "CreateAnomalyDetectorRequest";
const _CADRr = "CreateAnomalyDetectorResponse";
const _CAMD = "CreateAlertManagerDefinition";
const _CAMDR = "CreateAlertManagerDefinitionRequest";
const _CAMDRr = "CreateAlertManagerDefinitionResponse";
const _CC = "ComponentConfig";
const _CE = "ConflictException";
const _CLC = "CreateLoggingConfiguration";
const _CLCR = "CreateLoggingConfigurationRequest";
const _CLCRr = "CreateLoggingConfigurationResponse";
const _CQLC = "CreateQueryLoggingConfiguration";
const _CQLCR = "CreateQueryLoggingConfigurationRequest";
const _CQLCRr = "CreateQueryLoggingConfigurationResponse";
const _CRGN = "CreateRuleGroupsNamespace";
const _CRGNR = "CreateRuleGroupsNamespaceRequest";
const _CRGNRr = "CreateRuleGroupsNamespaceResponse";
const _CS = "CreateScraper";
const _CSR = "CreateScraperRequest";
const _CSRr = "CreateScraperResponse";
const _CW = "CreateWorkspace";
const _CWLD = "CloudWatchLogDestination";
const _CWR = "CreateWorkspaceRequest";
const _CWRr = "CreateWorkspaceResponse";
const _D = "Destination";
const _DAD = "DeleteAnomalyDetector";
const _DADR = "DeleteAnomalyDetectorRequest";
const _DADRe = "DescribeAnomalyDetectorRequest";
const _DADRes = "DescribeAnomalyDetectorResponse";
const _DADe = "DescribeAnomalyDetector";
const _DAMD = "DeleteAlertManagerDefinition";
const _DAMDR = "DeleteAlertManagerDefinitionRequest";
const _DAMDRe = "DescribeAlertManagerDefinitionRequest";
const _DAMDRes = "DescribeAlertManagerDefinitionResponse";
const _DAMDe = "DescribeAlertManagerDefinition";
const _DLC = "DeleteLoggingConfiguration";
const _DLCR = "DeleteLoggingConfigurationRequest";
const _DLCRe = "DescribeLoggingConfigurationRequest";
const _DLCRes = "DescribeLoggingConfigurationResponse";
const _DLCe = "DescribeLoggingConfiguration";
const _DQLC = "DeleteQueryLoggingConfiguration";
const _DQLCR = "DeleteQueryLoggingConfigurationRequest";
const _DQLCRe = "DescribeQueryLoggingConfigurationRequest";
const _DQLCRes = "DescribeQueryLoggingConfigurationResponse";
const _DQLCe = "DescribeQueryLoggingConfiguration";
const _DRGN = "DeleteRuleGroupsNamespace";
const _DRGNR = "DeleteRuleGroupsNamespaceRequest";
const _DRGNRe = "DescribeRuleGroupsNamespaceRequest";
const _DRGNRes = "DescribeRuleGroupsNamespaceResponse";
const _DRGNe = "DescribeRuleGroupsNamespace";
const _DRP = "DeleteResourcePolicy";
const _DRPR = "DeleteResourcePolicyRequest";
const _DRPRe = "DescribeResourcePolicyRequest";
const _DRPRes = "DescribeResourcePolicyResponse";
const _DRPe = "DescribeResourcePolicy";
const _DS = "DeleteScraper";
const _DSLC = "DeleteScraperLoggingConfiguration";
const _DSLCR = "DeleteScraperLoggingConfigurationRequest";
const _DSLCRe = "DescribeScraperLoggingConfigurationRequest";
const _DSLCRes = "DescribeScraperLoggingConfigurationResponse";
const _DSLCe = "DescribeScraperLoggingConfiguration";
const _DSR = "DeleteScraperRequest";
const _DSRe = "DeleteScraperResponse";
const _DSRes = "DescribeScraperRequest";
const _DSResc = "DescribeScraperResponse";
const _DSe = "DescribeScraper";
const _DW = "DeleteWorkspace";
const _DWC = "DescribeWorkspaceConfiguration";
const _DWCR = "DescribeWorkspaceConfigurationRequest";
const _DWCRe = "DescribeWorkspaceConfigurationResponse";
const _DWR = "DeleteWorkspaceRequest";
const _DWRe = "DescribeWorkspaceRequest";
const _DWRes = "DescribeWorkspaceResponse";
const _DWe = "DescribeWorkspace";
const _EC = "EksConfiguration";
const _GDSC = "GetDefaultScraperConfiguration";
const _GDSCR = "GetDefaultScraperConfigurationRequest";
const _GDSCRe = "GetDefaultScraperConfigurationResponse";
const _INE = "IgnoreNearExpected";
const _ISE = "InternalServerException";
const _LAD = "ListAnomalyDetectors";
const _LADR = "ListAnomalyDetectorsRequest";
const _LADRi = "ListAnomalyDetectorsResponse";
const _LCM = "LoggingConfigurationMetadata";
const _LCS = "LoggingConfigurationStatus";
const _LD = "LoggingDestination";
const _LDo = "LoggingDestinations";
const _LF = "LoggingFilter";
const _LPLS = "LimitsPerLabelSet";
const _LPLSE = "LimitsPerLabelSetEntry";
const _LPLSL = "LimitsPerLabelSetList";
const _LRGN = "ListRuleGroupsNamespaces";
const _LRGNR = "ListRuleGroupsNamespacesRequest";
const _LRGNRi = "ListRuleGroupsNamespacesResponse";
const _LS = "ListScrapers";
const _LSR = "ListScrapersRequest";
const _LSRi = "ListScrapersResponse";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LW = "ListWorkspaces";
const _LWR = "ListWorkspacesRequest";
const _LWRi = "ListWorkspacesResponse";
const _PAD = "PutAnomalyDetector";
const _PADR = "PutAnomalyDetectorRequest";
const _PADRu = "PutAnomalyDetectorResponse";
const _PAMD = "PutAlertManagerDefinition";
const _PAMDR = "PutAlertManagerDefinitionRequest";
const _PAMDRu = "PutAlertManagerDefinitionResponse";
const _PRGN = "PutRuleGroupsNamespace";
const _PRGNR = "PutRuleGroupsNamespaceRequest";
const _PRGNRu = "PutRuleGroupsNamespaceResponse";
const _PRP = "PutResourcePolicy";
const _PRPR = "PutResourcePolicyRequest";
const _PRPRu = "PutResourcePolicyResponse";
const _QLCM = "QueryLoggingConfigurationMetadata";
const _QLCS = "QueryLoggingConfigurationStatus";
const _RA = "Retry-After";
const _RC = "RoleConfiguration";
const _RCFC = "RandomCutForestConfiguration";
const _RGND = "RuleGroupsNamespaceDescription";
const _RGNS = "RuleGroupsNamespaceStatus";
const _RGNSL = "RuleGroupsNamespaceSummaryList";
const _RGNSu = "RuleGroupsNamespaceSummary";
const _RNFE = "ResourceNotFoundException";
const _S = "Source";
const _SC = "ScraperComponent";
const _SCc = "ScraperComponents";
const _SCcr = "ScrapeConfiguration";
const _SD = "ScraperDescription";
const _SF = "ScraperFilters";
const _SLCS = "ScraperLoggingConfigurationStatus";
const _SLD = "ScraperLoggingDestination";
const _SQEE = "ServiceQuotaExceededException";
const _SS = "ScraperStatus";
const _SSL = "ScraperSummaryList";
const _SSc = "ScraperSummary";
const _TE = "ThrottlingException";
const _TR = "TagResource";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _ULC = "UpdateLoggingConfiguration";
const _ULCR = "UpdateLoggingConfigurationRequest";
const _ULCRp = "UpdateLoggingConfigurationResponse";
const _UQLC = "UpdateQueryLoggingConfiguration";
const _UQLCR = "UpdateQueryLoggingConfigurationRequest";
const _UQLCRp = "UpdateQueryLoggingConfigurationResponse";
const _UR = "UntagResource";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _US = "UpdateScraper";
const _USLC = "UpdateScraperLoggingConfiguration";
const _USLCR = "UpdateScraperLoggingConfigurationRequest";
const _USLCRp = "UpdateScraperLoggingConfigurationResponse";
const _USR = "UpdateScraperRequest";
const _USRp = "UpdateScraperResponse";
const _UWA = "UpdateWorkspaceAlias";
const _UWAR = "UpdateWorkspaceAliasRequest";
const _UWC = "UpdateWorkspaceConfiguration";
const _UWCR = "UpdateWorkspaceConfigurationRequest";
const _UWCRp = "UpdateWorkspaceConfigurationResponse";
const _VC = "VpcConfiguration";
const _VE = "ValidationException";
const _VEF = "ValidationExceptionField";
const _VEFL = "ValidationExceptionFieldList";
const _WCD = "WorkspaceConfigurationDescription";
const _WCS = "WorkspaceConfigurationStatus";
const _WD = "WorkspaceDescription";
const _WS = "WorkspaceStatus";
const _WSL = "WorkspaceSummaryList";
const _WSo = "WorkspaceSummary";
const _a = "arn";
const _aC = "ampConfiguration";
const _aD = "anomalyDetector";
const _aDI = "anomalyDetectorId";
const _aDn = "anomalyDetectors";
const _aMD = "alertManagerDefinition";
const _al = "alias";
const _am = "amount";
const _c = "client";
const _cA = "createdAt";
const _cAl = "clusterArn";
const _cB = "configurationBlob";
const _cT = "clientToken";
const _cWL = "cloudWatchLogs";
const _co = "configuration";
const _con = "config";
const _d = "data";
const _de = "destinations";
const _des = "destination";
const _e = "error";
const _eC = "eksConfiguration";
const _eIIS = "evaluationIntervalInSeconds";
const _f = "filters";
const _fL = "fieldList";
const _h = "http";
const _hE = "httpError";
const _hH = "httpHeader";
const _hQ = "httpQuery";
const _iNEFA = "ignoreNearExpectedFromAbove";
const _iNEFB = "ignoreNearExpectedFromBelow";
const _iT = "idempotencyToken";
const _kKA = "kmsKeyArn";
const _l = "labels";
const _lC = "loggingConfiguration";
const _lD = "loggingDestination";
const _lGA = "logGroupArn";
const _lMA = "lastModifiedAt";
const _lPLS = "limitsPerLabelSet";
const _lS = "labelSet";
const _li = "limits";
const _m = "message";
const _mA = "modifiedAt";
const _mAA = "markAsAnomaly";
const _mDA = "missingDataAction";
const _mR = "maxResults";
const _mS = "maxSeries";
const _n = "name";
const _nT = "nextToken";
const _o = "options";
const _pD = "policyDocument";
const _pE = "prometheusEndpoint";
const _pS = "policyStatus";
const _q = "query";
const _qC = "quotaCode";
const _qLC = "queryLoggingConfiguration";
const _qT = "qspThreshold";
const _r = "reason";
const _rA = "resourceArn";
const _rAS = "retryAfterSeconds";
const _rAo = "roleArn";
const _rC = "roleConfiguration";
const _rCF = "randomCutForest";
const _rGN = "ruleGroupsNamespace";
const _rGNu = "ruleGroupsNamespaces";
const _rI = "resourceId";
const _rIe = "revisionId";
const _rPID = "retentionPeriodInDays";
const _rT = "resourceType";
const _ra = "ratio";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.amp";
const _sC = "serviceCode";
const _sCc = "scrapeConfiguration";
const _sCcr = "scraperComponents";
const _sCt = "statusCode";
const _sGI = "securityGroupIds";
const _sI = "scraperId";
const _sIu = "subnetIds";
const _sR = "statusReason";
const _sRA = "sourceRoleArn";
const _sS = "shingleSize";
const _sSa = "sampleSize";
const _sc = "scraper";
const _scr = "scrapers";
const _se = "server";
const _sk = "skip";
const _so = "source";
const _st = "status";
const _t = "tags";
const _tK = "tagKeys";
const _tRA = "targetRoleArn";
const _ty = "type";
const _vC = "vpcConfiguration";
const _w = "workspace";
const _wA = "workspaceArn";
const _wC = "workspaceConfiguration";
const _wI = "workspaceId";
const _wo = "workspaces";
const n0 = "com.amazonaws.amp";
const schema_1 = __webpack_require__(6890);
const AmpServiceException_1 = __webpack_require__(190);
const errors_1 = __webpack_require__(5325);
const _s_registry = schema_1.TypeRegistry.for(_s);
exports.AmpServiceException$ = [-3, _s, "AmpServiceException", 0, [], []];
_s_registry.registerError(exports.AmpServiceException$, AmpServiceException_1.AmpServiceException);
const n0_registry = schema_1.TypeRegistry.for(n0);
exports.AccessDeniedException$ = [-3, n0, _ADE,
    { [_e]: _c, [_hE]: 403 },
    [_m],
    [0], 1
];
n0_registry.registerError(exports.AccessDeniedException$, errors_1.AccessDeniedException);
exports.ConflictException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 409 },
    [_m, _rI, _rT],
    [0, 0, 0], 3
];
n0_registry.registerError(exports.ConflictException$, errors_1.ConflictException);
exports.InternalServerException$ = [-3, n0, _ISE,
    { [_e]: _se, [_hE]: 500 },
    [_m, _rAS],
    [0, [1, { [_hH]: _RA }]], 1
];
n0_registry.registerError(exports.InternalServerException$, errors_1.InternalServerException);
exports.ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c, [_hE]: 404 },
    [_m, _rI, _rT],
    [0, 0, 0], 3
];
n0_registry.registerError(exports.ResourceNotFoundException$, errors_1.ResourceNotFoundException);
exports.ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_e]: _c, [_hE]: 402 },
    [_m, _rI, _rT, _sC, _qC],
    [0, 0, 0, 0, 0], 5
];
n0_registry.registerError(exports.ServiceQuotaExceededException$, errors_1.ServiceQuotaExceededException);
exports.ThrottlingException$ = [-3, n0, _TE,
    { [_e]: _c, [_hE]: 429 },
    [_m, _sC, _qC, _rAS],
    [0, 0, 0, [1, { [_hH]: _RA }]], 1
];
n0_registry.registerError(exports.ThrottlingException$, errors_1.ThrottlingException);
exports.ValidationException$ = [-3, n0, _VE,
    { [_e]: _c, [_hE]: 400 },
    [_m, _r, _fL],
    [0, 0, () => ValidationExceptionFieldList], 2
];
n0_registry.registerError(exports.ValidationException$, errors_1.ValidationException);
exports.errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
exports.AlertManagerDefinitionDescription$ = [3, n0, _AMDD,
    0,
    [_st, _d, _cA, _mA],
    [() => exports.AlertManagerDefinitionStatus$, 21, 4, 4], 4
];
exports.AlertManagerDefinitionStatus$ = [3, n0, _AMDS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.AmpConfiguration$ = [3, n0, _AC,
    0,
    [_wA],
    [0], 1
];
exports.AnomalyDetectorDescription$ = [3, n0, _ADD,
    0,
    [_a, _aDI, _al, _st, _cA, _mA, _eIIS, _mDA, _co, _l, _t],
    [0, 0, 0, () => exports.AnomalyDetectorStatus$, 4, 4, 1, () => exports.AnomalyDetectorMissingDataAction$, () => exports.AnomalyDetectorConfiguration$, 128 | 0, 128 | 0], 6
];
exports.AnomalyDetectorStatus$ = [3, n0, _ADS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.AnomalyDetectorSummary$ = [3, n0, _ADSn,
    0,
    [_a, _aDI, _al, _st, _cA, _mA, _t],
    [0, 0, 0, () => exports.AnomalyDetectorStatus$, 4, 4, 128 | 0], 6
];
exports.CloudWatchLogDestination$ = [3, n0, _CWLD,
    0,
    [_lGA],
    [0], 1
];
exports.ComponentConfig$ = [3, n0, _CC,
    0,
    [_o],
    [128 | 0]
];
exports.CreateAlertManagerDefinitionRequest$ = [3, n0, _CAMDR,
    0,
    [_wI, _d, _cT],
    [[0, 1], 21, [0, 4]], 2
];
exports.CreateAlertManagerDefinitionResponse$ = [3, n0, _CAMDRr,
    0,
    [_st],
    [() => exports.AlertManagerDefinitionStatus$], 1
];
exports.CreateAnomalyDetectorRequest$ = [3, n0, _CADR,
    0,
    [_wI, _al, _co, _eIIS, _mDA, _l, _cT, _t],
    [[0, 1], 0, () => exports.AnomalyDetectorConfiguration$, 1, () => exports.AnomalyDetectorMissingDataAction$, 128 | 0, [0, 4], 128 | 0], 3
];
exports.CreateAnomalyDetectorResponse$ = [3, n0, _CADRr,
    0,
    [_aDI, _a, _st, _t],
    [0, 0, () => exports.AnomalyDetectorStatus$, 128 | 0], 3
];
exports.CreateLoggingConfigurationRequest$ = [3, n0, _CLCR,
    0,
    [_wI, _lGA, _cT],
    [[0, 1], 0, [0, 4]], 2
];
exports.CreateLoggingConfigurationResponse$ = [3, n0, _CLCRr,
    0,
    [_st],
    [() => exports.LoggingConfigurationStatus$], 1
];
exports.CreateQueryLoggingConfigurationRequest$ = [3, n0, _CQLCR,
    0,
    [_wI, _de, _cT],
    [[0, 1], () => LoggingDestinations, [0, 4]], 2
];
exports.CreateQueryLoggingConfigurationResponse$ = [3, n0, _CQLCRr,
    0,
    [_st],
    [() => exports.QueryLoggingConfigurationStatus$], 1
];
exports.CreateRuleGroupsNamespaceRequest$ = [3, n0, _CRGNR,
    0,
    [_wI, _n, _d, _cT, _t],
    [[0, 1], 0, 21, [0, 4], 128 | 0], 3
];
exports.CreateRuleGroupsNamespaceResponse$ = [3, n0, _CRGNRr,
    0,
    [_n, _a, _st, _t],
    [0, 0, () => exports.RuleGroupsNamespaceStatus$, 128 | 0], 3
];
exports.CreateScraperRequest$ = [3, n0, _CSR,
    0,
    [_sCc, _so, _des, _al, _rC, _cT, _t],
    [() => exports.ScrapeConfiguration$, () => exports.Source$, () => exports.Destination$, 0, () => exports.RoleConfiguration$, [0, 4], 128 | 0], 3
];
exports.CreateScraperResponse$ = [3, n0, _CSRr,
    0,
    [_sI, _a, _st, _t],
    [0, 0, () => exports.ScraperStatus$, 128 | 0], 3
];
exports.CreateWorkspaceRequest$ = [3, n0, _CWR,
    0,
    [_al, _cT, _t, _kKA],
    [0, [0, 4], 128 | 0, 0]
];
exports.CreateWorkspaceResponse$ = [3, n0, _CWRr,
    0,
    [_wI, _a, _st, _t, _kKA],
    [0, 0, () => exports.WorkspaceStatus$, 128 | 0, 0], 3
];
exports.DeleteAlertManagerDefinitionRequest$ = [3, n0, _DAMDR,
    0,
    [_wI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DeleteAnomalyDetectorRequest$ = [3, n0, _DADR,
    0,
    [_wI, _aDI, _cT],
    [[0, 1], [0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 2
];
exports.DeleteLoggingConfigurationRequest$ = [3, n0, _DLCR,
    0,
    [_wI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DeleteQueryLoggingConfigurationRequest$ = [3, n0, _DQLCR,
    0,
    [_wI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DeleteResourcePolicyRequest$ = [3, n0, _DRPR,
    0,
    [_wI, _cT, _rIe],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }], [0, { [_hQ]: _rIe }]], 1
];
exports.DeleteRuleGroupsNamespaceRequest$ = [3, n0, _DRGNR,
    0,
    [_wI, _n, _cT],
    [[0, 1], [0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 2
];
exports.DeleteScraperLoggingConfigurationRequest$ = [3, n0, _DSLCR,
    0,
    [_sI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DeleteScraperRequest$ = [3, n0, _DSR,
    0,
    [_sI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DeleteScraperResponse$ = [3, n0, _DSRe,
    0,
    [_sI, _st],
    [0, () => exports.ScraperStatus$], 2
];
exports.DeleteWorkspaceRequest$ = [3, n0, _DWR,
    0,
    [_wI, _cT],
    [[0, 1], [0, { [_hQ]: _cT, [_iT]: 1 }]], 1
];
exports.DescribeAlertManagerDefinitionRequest$ = [3, n0, _DAMDRe,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeAlertManagerDefinitionResponse$ = [3, n0, _DAMDRes,
    0,
    [_aMD],
    [() => exports.AlertManagerDefinitionDescription$], 1
];
exports.DescribeAnomalyDetectorRequest$ = [3, n0, _DADRe,
    0,
    [_wI, _aDI],
    [[0, 1], [0, 1]], 2
];
exports.DescribeAnomalyDetectorResponse$ = [3, n0, _DADRes,
    0,
    [_aD],
    [() => exports.AnomalyDetectorDescription$], 1
];
exports.DescribeLoggingConfigurationRequest$ = [3, n0, _DLCRe,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeLoggingConfigurationResponse$ = [3, n0, _DLCRes,
    0,
    [_lC],
    [() => exports.LoggingConfigurationMetadata$], 1
];
exports.DescribeQueryLoggingConfigurationRequest$ = [3, n0, _DQLCRe,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeQueryLoggingConfigurationResponse$ = [3, n0, _DQLCRes,
    0,
    [_qLC],
    [() => exports.QueryLoggingConfigurationMetadata$], 1
];
exports.DescribeResourcePolicyRequest$ = [3, n0, _DRPRe,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeResourcePolicyResponse$ = [3, n0, _DRPRes,
    0,
    [_pD, _pS, _rIe],
    [0, 0, 0], 3
];
exports.DescribeRuleGroupsNamespaceRequest$ = [3, n0, _DRGNRe,
    0,
    [_wI, _n],
    [[0, 1], [0, 1]], 2
];
exports.DescribeRuleGroupsNamespaceResponse$ = [3, n0, _DRGNRes,
    0,
    [_rGN],
    [() => exports.RuleGroupsNamespaceDescription$], 1
];
exports.DescribeScraperLoggingConfigurationRequest$ = [3, n0, _DSLCRe,
    0,
    [_sI],
    [[0, 1]], 1
];
exports.DescribeScraperLoggingConfigurationResponse$ = [3, n0, _DSLCRes,
    0,
    [_st, _sI, _lD, _sCcr, _mA],
    [() => exports.ScraperLoggingConfigurationStatus$, 0, () => exports.ScraperLoggingDestination$, () => ScraperComponents, 4], 5
];
exports.DescribeScraperRequest$ = [3, n0, _DSRes,
    0,
    [_sI],
    [[0, 1]], 1
];
exports.DescribeScraperResponse$ = [3, n0, _DSResc,
    0,
    [_sc],
    [() => exports.ScraperDescription$], 1
];
exports.DescribeWorkspaceConfigurationRequest$ = [3, n0, _DWCR,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeWorkspaceConfigurationResponse$ = [3, n0, _DWCRe,
    0,
    [_wC],
    [() => exports.WorkspaceConfigurationDescription$], 1
];
exports.DescribeWorkspaceRequest$ = [3, n0, _DWRe,
    0,
    [_wI],
    [[0, 1]], 1
];
exports.DescribeWorkspaceResponse$ = [3, n0, _DWRes,
    0,
    [_w],
    [() => exports.WorkspaceDescription$], 1
];
exports.EksConfiguration$ = [3, n0, _EC,
    0,
    [_cAl, _sIu, _sGI],
    [0, 64 | 0, 64 | 0], 2
];
exports.GetDefaultScraperConfigurationRequest$ = [3, n0, _GDSCR,
    0,
    [],
    []
];
exports.GetDefaultScraperConfigurationResponse$ = [3, n0, _GDSCRe,
    0,
    [_co],
    [21], 1
];
exports.LimitsPerLabelSet$ = [3, n0, _LPLS,
    0,
    [_li, _lS],
    [() => exports.LimitsPerLabelSetEntry$, 128 | 0], 2
];
exports.LimitsPerLabelSetEntry$ = [3, n0, _LPLSE,
    0,
    [_mS],
    [1]
];
exports.ListAnomalyDetectorsRequest$ = [3, n0, _LADR,
    0,
    [_wI, _al, _mR, _nT],
    [[0, 1], [0, { [_hQ]: _al }], [1, { [_hQ]: _mR }], [0, { [_hQ]: _nT }]], 1
];
exports.ListAnomalyDetectorsResponse$ = [3, n0, _LADRi,
    0,
    [_aDn, _nT],
    [() => AnomalyDetectorSummaryList, 0], 1
];
exports.ListRuleGroupsNamespacesRequest$ = [3, n0, _LRGNR,
    0,
    [_wI, _n, _nT, _mR],
    [[0, 1], [0, { [_hQ]: _n }], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]], 1
];
exports.ListRuleGroupsNamespacesResponse$ = [3, n0, _LRGNRi,
    0,
    [_rGNu, _nT],
    [() => RuleGroupsNamespaceSummaryList, 0], 1
];
exports.ListScrapersRequest$ = [3, n0, _LSR,
    0,
    [_f, _nT, _mR],
    [[[2, n0, _SF, 0, 0, 64 | 0], 64], [0, { [_hQ]: _nT }], [1, { [_hQ]: _mR }]]
];
exports.ListScrapersResponse$ = [3, n0, _LSRi,
    0,
    [_scr, _nT],
    [() => ScraperSummaryList, 0], 1
];
exports.ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_rA],
    [[0, 1]], 1
];
exports.ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_t],
    [128 | 0]
];
exports.ListWorkspacesRequest$ = [3, n0, _LWR,
    0,
    [_nT, _al, _mR],
    [[0, { [_hQ]: _nT }], [0, { [_hQ]: _al }], [1, { [_hQ]: _mR }]]
];
exports.ListWorkspacesResponse$ = [3, n0, _LWRi,
    0,
    [_wo, _nT],
    [() => WorkspaceSummaryList, 0], 1
];
exports.LoggingConfigurationMetadata$ = [3, n0, _LCM,
    0,
    [_st, _w, _lGA, _cA, _mA],
    [() => exports.LoggingConfigurationStatus$, 0, 0, 4, 4], 5
];
exports.LoggingConfigurationStatus$ = [3, n0, _LCS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.LoggingDestination$ = [3, n0, _LD,
    0,
    [_cWL, _f],
    [() => exports.CloudWatchLogDestination$, () => exports.LoggingFilter$], 2
];
exports.LoggingFilter$ = [3, n0, _LF,
    0,
    [_qT],
    [1], 1
];
exports.PutAlertManagerDefinitionRequest$ = [3, n0, _PAMDR,
    0,
    [_wI, _d, _cT],
    [[0, 1], 21, [0, 4]], 2
];
exports.PutAlertManagerDefinitionResponse$ = [3, n0, _PAMDRu,
    0,
    [_st],
    [() => exports.AlertManagerDefinitionStatus$], 1
];
exports.PutAnomalyDetectorRequest$ = [3, n0, _PADR,
    0,
    [_wI, _aDI, _co, _eIIS, _mDA, _l, _cT],
    [[0, 1], [0, 1], () => exports.AnomalyDetectorConfiguration$, 1, () => exports.AnomalyDetectorMissingDataAction$, 128 | 0, [0, 4]], 3
];
exports.PutAnomalyDetectorResponse$ = [3, n0, _PADRu,
    0,
    [_aDI, _a, _st, _t],
    [0, 0, () => exports.AnomalyDetectorStatus$, 128 | 0], 3
];
exports.PutResourcePolicyRequest$ = [3, n0, _PRPR,
    0,
    [_wI, _pD, _cT, _rIe],
    [[0, 1], 0, [0, 4], 0], 2
];
exports.PutResourcePolicyResponse$ = [3, n0, _PRPRu,
    0,
    [_pS, _rIe],
    [0, 0], 2
];
exports.PutRuleGroupsNamespaceRequest$ = [3, n0, _PRGNR,
    0,
    [_wI, _n, _d, _cT],
    [[0, 1], [0, 1], 21, [0, 4]], 3
];
exports.PutRuleGroupsNamespaceResponse$ = [3, n0, _PRGNRu,
    0,
    [_n, _a, _st, _t],
    [0, 0, () => exports.RuleGroupsNamespaceStatus$, 128 | 0], 3
];
exports.QueryLoggingConfigurationMetadata$ = [3, n0, _QLCM,
    0,
    [_st, _w, _de, _cA, _mA],
    [() => exports.QueryLoggingConfigurationStatus$, 0, () => LoggingDestinations, 4, 4], 5
];
exports.QueryLoggingConfigurationStatus$ = [3, n0, _QLCS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.RandomCutForestConfiguration$ = [3, n0, _RCFC,
    0,
    [_q, _sS, _sSa, _iNEFA, _iNEFB],
    [0, 1, 1, () => exports.IgnoreNearExpected$, () => exports.IgnoreNearExpected$], 1
];
exports.RoleConfiguration$ = [3, n0, _RC,
    0,
    [_sRA, _tRA],
    [0, 0]
];
exports.RuleGroupsNamespaceDescription$ = [3, n0, _RGND,
    0,
    [_a, _n, _st, _d, _cA, _mA, _t],
    [0, 0, () => exports.RuleGroupsNamespaceStatus$, 21, 4, 4, 128 | 0], 6
];
exports.RuleGroupsNamespaceStatus$ = [3, n0, _RGNS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.RuleGroupsNamespaceSummary$ = [3, n0, _RGNSu,
    0,
    [_a, _n, _st, _cA, _mA, _t],
    [0, 0, () => exports.RuleGroupsNamespaceStatus$, 4, 4, 128 | 0], 5
];
exports.ScraperComponent$ = [3, n0, _SC,
    0,
    [_ty, _con],
    [0, () => exports.ComponentConfig$], 1
];
exports.ScraperDescription$ = [3, n0, _SD,
    0,
    [_sI, _a, _rAo, _st, _cA, _lMA, _sCc, _so, _des, _al, _t, _sR, _rC],
    [0, 0, 0, () => exports.ScraperStatus$, 4, 4, () => exports.ScrapeConfiguration$, () => exports.Source$, () => exports.Destination$, 0, 128 | 0, 0, () => exports.RoleConfiguration$], 9
];
exports.ScraperLoggingConfigurationStatus$ = [3, n0, _SLCS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.ScraperStatus$ = [3, n0, _SS,
    0,
    [_sCt],
    [0], 1
];
exports.ScraperSummary$ = [3, n0, _SSc,
    0,
    [_sI, _a, _rAo, _st, _cA, _lMA, _so, _des, _al, _t, _sR, _rC],
    [0, 0, 0, () => exports.ScraperStatus$, 4, 4, () => exports.Source$, () => exports.Destination$, 0, 128 | 0, 0, () => exports.RoleConfiguration$], 8
];
exports.TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_rA, _t],
    [[0, 1], 128 | 0], 2
];
exports.TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
exports.UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_rA, _tK],
    [[0, 1], [64 | 0, { [_hQ]: _tK }]], 2
];
exports.UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
exports.UpdateLoggingConfigurationRequest$ = [3, n0, _ULCR,
    0,
    [_wI, _lGA, _cT],
    [[0, 1], 0, [0, 4]], 2
];
exports.UpdateLoggingConfigurationResponse$ = [3, n0, _ULCRp,
    0,
    [_st],
    [() => exports.LoggingConfigurationStatus$], 1
];
exports.UpdateQueryLoggingConfigurationRequest$ = [3, n0, _UQLCR,
    0,
    [_wI, _de, _cT],
    [[0, 1], () => LoggingDestinations, [0, 4]], 2
];
exports.UpdateQueryLoggingConfigurationResponse$ = [3, n0, _UQLCRp,
    0,
    [_st],
    [() => exports.QueryLoggingConfigurationStatus$], 1
];
exports.UpdateScraperLoggingConfigurationRequest$ = [3, n0, _USLCR,
    0,
    [_sI, _lD, _sCcr],
    [[0, 1], () => exports.ScraperLoggingDestination$, () => ScraperComponents], 2
];
exports.UpdateScraperLoggingConfigurationResponse$ = [3, n0, _USLCRp,
    0,
    [_st],
    [() => exports.ScraperLoggingConfigurationStatus$], 1
];
exports.UpdateScraperRequest$ = [3, n0, _USR,
    0,
    [_sI, _al, _sCc, _des, _rC, _cT],
    [[0, 1], 0, () => exports.ScrapeConfiguration$, () => exports.Destination$, () => exports.RoleConfiguration$, [0, 4]], 1
];
exports.UpdateScraperResponse$ = [3, n0, _USRp,
    0,
    [_sI, _a, _st, _t],
    [0, 0, () => exports.ScraperStatus$, 128 | 0], 3
];
exports.UpdateWorkspaceAliasRequest$ = [3, n0, _UWAR,
    0,
    [_wI, _al, _cT],
    [[0, 1], 0, [0, 4]], 1
];
exports.UpdateWorkspaceConfigurationRequest$ = [3, n0, _UWCR,
    0,
    [_wI, _cT, _lPLS, _rPID],
    [[0, 1], [0, 4], () => LimitsPerLabelSetList, 1], 1
];
exports.UpdateWorkspaceConfigurationResponse$ = [3, n0, _UWCRp,
    0,
    [_st],
    [() => exports.WorkspaceConfigurationStatus$], 1
];
exports.ValidationExceptionField$ = [3, n0, _VEF,
    0,
    [_n, _m],
    [0, 0], 2
];
exports.VpcConfiguration$ = [3, n0, _VC,
    0,
    [_sGI, _sIu],
    [64 | 0, 64 | 0], 2
];
exports.WorkspaceConfigurationDescription$ = [3, n0, _WCD,
    0,
    [_st, _lPLS, _rPID],
    [() => exports.WorkspaceConfigurationStatus$, () => LimitsPerLabelSetList, 1], 1
];
exports.WorkspaceConfigurationStatus$ = [3, n0, _WCS,
    0,
    [_sCt, _sR],
    [0, 0], 1
];
exports.WorkspaceDescription$ = [3, n0, _WD,
    0,
    [_wI, _a, _st, _cA, _al, _pE, _t, _kKA],
    [0, 0, () => exports.WorkspaceStatus$, 4, 0, 0, 128 | 0, 0], 4
];
exports.WorkspaceStatus$ = [3, n0, _WS,
    0,
    [_sCt],
    [0], 1
];
exports.WorkspaceSummary$ = [3, n0, _WSo,
    0,
    [_wI, _a, _st, _cA, _al, _t, _kKA],
    [0, 0, () => exports.WorkspaceStatus$, 4, 0, 128 | 0, 0], 4
];
var __Unit = "unit";
var AnomalyDetectorSummaryList = [1, n0, _ADSL,
    0, () => exports.AnomalyDetectorSummary$
];
var FilterValues = (/* unused pure expression or super */ null && (64 | 0));
var LimitsPerLabelSetList = [1, n0, _LPLSL,
    0, () => exports.LimitsPerLabelSet$
];
var LoggingDestinations = [1, n0, _LDo,
    0, () => exports.LoggingDestination$
];
var RuleGroupsNamespaceSummaryList = [1, n0, _RGNSL,
    0, () => exports.RuleGroupsNamespaceSummary$
];
var ScraperComponents = [1, n0, _SCc,
    0, () => exports.ScraperComponent$
];
var ScraperSummaryList = [1, n0, _SSL,
    0, () => exports.ScraperSummary$
];
var SecurityGroupIds = (/* unused pure expression or super */ null && (64 | 0));
var SubnetIds = (/* unused pure expression or super */ null && (64 | 0));
var TagKeys = (/* unused pure expression or super */ null && (64 | 0));
var ValidationExceptionFieldList = [1, n0, _VEFL,
    0, () => exports.ValidationExceptionField$
];
var WorkspaceSummaryList = [1, n0, _WSL,
    0, () => exports.WorkspaceSummary$
];
var LabelSet = (/* unused pure expression or super */ null && (128 | 0));
var PrometheusMetricLabelMap = (/* unused pure expression or super */ null && (128 | 0));
var ScraperFilters = [2, n0, _SF,
    0, 0, 64 | 0
];
var StringMap = (/* unused pure expression or super */ null && (128 | 0));
var TagMap = (/* unused pure expression or super */ null && (128 | 0));
exports.AnomalyDetectorConfiguration$ = [4, n0, _ADC,
    0,
    [_rCF],
    [() => exports.RandomCutForestConfiguration$]
];
exports.AnomalyDetectorMissingDataAction$ = [4, n0, _ADMDA,
    0,
    [_mAA, _sk],
    [2, 2]
];
exports.Destination$ = [4, n0, _D,
    0,
    [_aC],
    [() => exports.AmpConfiguration$]
];
exports.IgnoreNearExpected$ = [4, n0, _INE,
    0,
    [_am, _ra],
    [1, 1]
];
exports.ScrapeConfiguration$ = [4, n0, _SCcr,
    0,
    [_cB],
    [21]
];
exports.ScraperLoggingDestination$ = [4, n0, _SLD,
    0,
    [_cWL],
    [() => exports.CloudWatchLogDestination$]
];
exports.Source$ = [4, n0, _S,
    0,
    [_eC, _vC],
    [() => exports.EksConfiguration$, () => exports.VpcConfiguration$]
];
exports.CreateAlertManagerDefinition$ = [9, n0, _CAMD,
    { [_h]: ["POST", "/workspaces/{workspaceId}/alertmanager/definition", 202] }, () => exports.CreateAlertManagerDefinitionRequest$, () => exports.CreateAlertManagerDefinitionResponse$
];
exports.CreateAnomalyDetector$ = [9, n0, _CAD,
    { [_h]: ["POST", "/workspaces/{workspaceId}/anomalydetectors", 202] }, () => exports.CreateAnomalyDetectorRequest$, () => exports.CreateAnomalyDetectorResponse$
];
exports.CreateLoggingConfiguration$ = [9, n0, _CLC,
    { [_h]: ["POST", "/workspaces/{workspaceId}/logging", 202] }, () => exports.CreateLoggingConfigurationRequest$, () => exports.CreateLoggingConfigurationResponse$
];
exports.CreateQueryLoggingConfiguration$ = [9, n0, _CQLC,
    { [_h]: ["POST", "/workspaces/{workspaceId}/logging/query", 202] }, () => exports.CreateQueryLoggingConfigurationRequest$, () => exports.CreateQueryLoggingConfigurationResponse$
];
exports.CreateRuleGroupsNamespace$ = [9, n0, _CRGN,
    { [_h]: ["POST", "/workspaces/{workspaceId}/rulegroupsnamespaces", 202] }, () => exports.CreateRuleGroupsNamespaceRequest$, () => exports.CreateRuleGroupsNamespaceResponse$
];
exports.CreateScraper$ = [9, n0, _CS,
    { [_h]: ["POST", "/scrapers", 202] }, () => exports.CreateScraperRequest$, () => exports.CreateScraperResponse$
];
exports.CreateWorkspace$ = [9, n0, _CW,
    { [_h]: ["POST", "/workspaces", 202] }, () => exports.CreateWorkspaceRequest$, () => exports.CreateWorkspaceResponse$
];
exports.DeleteAlertManagerDefinition$ = [9, n0, _DAMD,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/alertmanager/definition", 202] }, () => exports.DeleteAlertManagerDefinitionRequest$, () => __Unit
];
exports.DeleteAnomalyDetector$ = [9, n0, _DAD,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/anomalydetectors/{anomalyDetectorId}", 202] }, () => exports.DeleteAnomalyDetectorRequest$, () => __Unit
];
exports.DeleteLoggingConfiguration$ = [9, n0, _DLC,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/logging", 202] }, () => exports.DeleteLoggingConfigurationRequest$, () => __Unit
];
exports.DeleteQueryLoggingConfiguration$ = [9, n0, _DQLC,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/logging/query", 202] }, () => exports.DeleteQueryLoggingConfigurationRequest$, () => __Unit
];
exports.DeleteResourcePolicy$ = [9, n0, _DRP,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/policy", 202] }, () => exports.DeleteResourcePolicyRequest$, () => __Unit
];
exports.DeleteRuleGroupsNamespace$ = [9, n0, _DRGN,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}/rulegroupsnamespaces/{name}", 202] }, () => exports.DeleteRuleGroupsNamespaceRequest$, () => __Unit
];
exports.DeleteScraper$ = [9, n0, _DS,
    { [_h]: ["DELETE", "/scrapers/{scraperId}", 202] }, () => exports.DeleteScraperRequest$, () => exports.DeleteScraperResponse$
];
exports.DeleteScraperLoggingConfiguration$ = [9, n0, _DSLC,
    { [_h]: ["DELETE", "/scrapers/{scraperId}/logging-configuration", 202] }, () => exports.DeleteScraperLoggingConfigurationRequest$, () => __Unit
];
exports.DeleteWorkspace$ = [9, n0, _DW,
    { [_h]: ["DELETE", "/workspaces/{workspaceId}", 202] }, () => exports.DeleteWorkspaceRequest$, () => __Unit
];
exports.DescribeAlertManagerDefinition$ = [9, n0, _DAMDe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/alertmanager/definition", 200] }, () => exports.DescribeAlertManagerDefinitionRequest$, () => exports.DescribeAlertManagerDefinitionResponse$
];
exports.DescribeAnomalyDetector$ = [9, n0, _DADe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/anomalydetectors/{anomalyDetectorId}", 200] }, () => exports.DescribeAnomalyDetectorRequest$, () => exports.DescribeAnomalyDetectorResponse$
];
exports.DescribeLoggingConfiguration$ = [9, n0, _DLCe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/logging", 200] }, () => exports.DescribeLoggingConfigurationRequest$, () => exports.DescribeLoggingConfigurationResponse$
];
exports.DescribeQueryLoggingConfiguration$ = [9, n0, _DQLCe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/logging/query", 200] }, () => exports.DescribeQueryLoggingConfigurationRequest$, () => exports.DescribeQueryLoggingConfigurationResponse$
];
exports.DescribeResourcePolicy$ = [9, n0, _DRPe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/policy", 200] }, () => exports.DescribeResourcePolicyRequest$, () => exports.DescribeResourcePolicyResponse$
];
exports.DescribeRuleGroupsNamespace$ = [9, n0, _DRGNe,
    { [_h]: ["GET", "/workspaces/{workspaceId}/rulegroupsnamespaces/{name}", 200] }, () => exports.DescribeRuleGroupsNamespaceRequest$, () => exports.DescribeRuleGroupsNamespaceResponse$
];
exports.DescribeScraper$ = [9, n0, _DSe,
    { [_h]: ["GET", "/scrapers/{scraperId}", 200] }, () => exports.DescribeScraperRequest$, () => exports.DescribeScraperResponse$
];
exports.DescribeScraperLoggingConfiguration$ = [9, n0, _DSLCe,
    { [_h]: ["GET", "/scrapers/{scraperId}/logging-configuration", 200] }, () => exports.DescribeScraperLoggingConfigurationRequest$, () => exports.DescribeScraperLoggingConfigurationResponse$
];
exports.DescribeWorkspace$ = [9, n0, _DWe,
    { [_h]: ["GET", "/workspaces/{workspaceId}", 200] }, () => exports.DescribeWorkspaceRequest$, () => exports.DescribeWorkspaceResponse$
];
exports.DescribeWorkspaceConfiguration$ = [9, n0, _DWC,
    { [_h]: ["GET", "/workspaces/{workspaceId}/configuration", 200] }, () => exports.DescribeWorkspaceConfigurationRequest$, () => exports.DescribeWorkspaceConfigurationResponse$
];
exports.GetDefaultScraperConfiguration$ = [9, n0, _GDSC,
    { [_h]: ["GET", "/scraperconfiguration", 200] }, () => exports.GetDefaultScraperConfigurationRequest$, () => exports.GetDefaultScraperConfigurationResponse$
];
exports.ListAnomalyDetectors$ = [9, n0, _LAD,
    { [_h]: ["GET", "/workspaces/{workspaceId}/anomalydetectors", 200] }, () => exports.ListAnomalyDetectorsRequest$, () => exports.ListAnomalyDetectorsResponse$
];
exports.ListRuleGroupsNamespaces$ = [9, n0, _LRGN,
    { [_h]: ["GET", "/workspaces/{workspaceId}/rulegroupsnamespaces", 200] }, () => exports.ListRuleGroupsNamespacesRequest$, () => exports.ListRuleGroupsNamespacesResponse$
];
exports.ListScrapers$ = [9, n0, _LS,
    { [_h]: ["GET", "/scrapers", 200] }, () => exports.ListScrapersRequest$, () => exports.ListScrapersResponse$
];
exports.ListTagsForResource$ = [9, n0, _LTFR,
    { [_h]: ["GET", "/tags/{resourceArn}", 200] }, () => exports.ListTagsForResourceRequest$, () => exports.ListTagsForResourceResponse$
];
exports.ListWorkspaces$ = [9, n0, _LW,
    { [_h]: ["GET", "/workspaces", 200] }, () => exports.ListWorkspacesRequest$, () => exports.ListWorkspacesResponse$
];
exports.PutAlertManagerDefinition$ = [9, n0, _PAMD,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/alertmanager/definition", 202] }, () => exports.PutAlertManagerDefinitionRequest$, () => exports.PutAlertManagerDefinitionResponse$
];
exports.PutAnomalyDetector$ = [9, n0, _PAD,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/anomalydetectors/{anomalyDetectorId}", 202] }, () => exports.PutAnomalyDetectorRequest$, () => exports.PutAnomalyDetectorResponse$
];
exports.PutResourcePolicy$ = [9, n0, _PRP,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/policy", 202] }, () => exports.PutResourcePolicyRequest$, () => exports.PutResourcePolicyResponse$
];
exports.PutRuleGroupsNamespace$ = [9, n0, _PRGN,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/rulegroupsnamespaces/{name}", 202] }, () => exports.PutRuleGroupsNamespaceRequest$, () => exports.PutRuleGroupsNamespaceResponse$
];
exports.TagResource$ = [9, n0, _TR,
    { [_h]: ["POST", "/tags/{resourceArn}", 200] }, () => exports.TagResourceRequest$, () => exports.TagResourceResponse$
];
exports.UntagResource$ = [9, n0, _UR,
    { [_h]: ["DELETE", "/tags/{resourceArn}", 200] }, () => exports.UntagResourceRequest$, () => exports.UntagResourceResponse$
];
exports.UpdateLoggingConfiguration$ = [9, n0, _ULC,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/logging", 202] }, () => exports.UpdateLoggingConfigurationRequest$, () => exports.UpdateLoggingConfigurationResponse$
];
exports.UpdateQueryLoggingConfiguration$ = [9, n0, _UQLC,
    { [_h]: ["PUT", "/workspaces/{workspaceId}/logging/query", 202] }, () => exports.UpdateQueryLoggingConfigurationRequest$, () => exports.UpdateQueryLoggingConfigurationResponse$
];
exports.UpdateScraper$ = [9, n0, _US,
    { [_h]: ["PUT", "/scrapers/{scraperId}", 202] }, () => exports.UpdateScraperRequest$, () => exports.UpdateScraperResponse$
];
exports.UpdateScraperLoggingConfiguration$ = [9, n0, _USLC,
    { [_h]: ["PUT", "/scrapers/{scraperId}/logging-configuration", 202] }, () => exports.UpdateScraperLoggingConfigurationRequest$, () => exports.UpdateScraperLoggingConfigurationResponse$
];
exports.UpdateWorkspaceAlias$ = [9, n0, _UWA,
    { [_h]: ["POST", "/workspaces/{workspaceId}/alias", 204] }, () => exports.UpdateWorkspaceAliasRequest$, () => __Unit
];
exports.UpdateWorkspaceConfiguration$ = [9, n0, _UWC,
    { [_h]: ["PATCH", "/workspaces/{workspaceId}/configuration", 202] }, () => exports.UpdateWorkspaceConfigurationRequest$, () => exports.UpdateWorkspaceConfigurationResponse$
];


/***/ }),

/***/ 9285:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"name":"@aws-sdk/client-amp","description":"AWS SDK for JavaScript Amp Client for Node.js, Browser and React Native","version":"3.1048.0","scripts":{"build":"concurrently \'yarn:build:types\' \'yarn:build:es\' && yarn build:cjs","build:cjs":"node ../../scripts/compilation/inline client-amp","build:es":"tsc -p tsconfig.es.json","build:include:deps":"yarn g:turbo run build -F=\\"$npm_package_name\\"","build:types":"tsc -p tsconfig.types.json","build:types:downlevel":"downlevel-dts dist-types dist-types/ts3.4","clean":"premove dist-cjs dist-es dist-types tsconfig.cjs.tsbuildinfo tsconfig.es.tsbuildinfo tsconfig.types.tsbuildinfo","extract:docs":"api-extractor run --local","generate:client":"node ../../scripts/generate-clients/single-service --solo amp","test:index":"tsc --noEmit ./test/index-types.ts && node ./test/index-objects.spec.mjs"},"main":"./dist-cjs/index.js","types":"./dist-types/index.d.ts","module":"./dist-es/index.js","sideEffects":false,"dependencies":{"@aws-crypto/sha256-browser":"5.2.0","@aws-crypto/sha256-js":"5.2.0","@aws-sdk/core":"^3.974.11","@aws-sdk/credential-provider-node":"^3.972.42","@aws-sdk/types":"^3.973.8","@smithy/core":"^3.24.2","@smithy/fetch-http-handler":"^5.4.2","@smithy/node-http-handler":"^4.7.2","@smithy/types":"^4.14.1","tslib":"^2.6.2"},"devDependencies":{"@tsconfig/node20":"20.1.8","@types/node":"^20.14.8","concurrently":"7.0.0","downlevel-dts":"0.10.1","premove":"4.0.0","typescript":"~5.8.3"},"engines":{"node":">=20.0.0"},"typesVersions":{"<4.5":{"dist-types/*":["dist-types/ts3.4/*"]}},"files":["dist-*/**"],"author":{"name":"AWS SDK for JavaScript Team","url":"https://aws.amazon.com/javascript/"},"license":"Apache-2.0","browser":{"./dist-es/runtimeConfig":"./dist-es/runtimeConfig.browser"},"react-native":{"./dist-es/runtimeConfig":"./dist-es/runtimeConfig.native"},"homepage":"https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-amp","repository":{"type":"git","url":"https://github.com/aws/aws-sdk-js-v3.git","directory":"clients/client-amp"}}');

/***/ })

};
;