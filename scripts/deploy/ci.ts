import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Ci from 'miniprogram-ci';
import { type DeployConfig, privateKeyFile } from './config';
import { DeployError } from './errors';
import type { Workspace } from './paths';
import type { FunctionSettings, WeChat } from './wechat';

type Project = InstanceType<typeof Ci.Project>;
type Request = (options: unknown) => Promise<unknown>;
interface Transact {
  request: Request;
  transactType: number;
}

/**
 * The part of miniprogram-ci's internal cloud API (`dist/common/cloud-api`, no typings) used here: exactly the calls
 * its own `ci.cloud.uploadFunction` makes (`dist/ci/cloud/uploadFunction.js`), through the same transport, signed with
 * the same upload key. A test checks they exist in the installed version.
 */
interface CloudApi {
  TransactType: { IDE: number };
  tcbGetEnvironments(
    input: Record<string, never>,
    options: Transact,
  ): Promise<{
    envList: Array<{
      envId: string;
      functions: Array<{ region: string }>;
      logServices: Array<{ logsetId?: string; topicId?: string }>;
    }>;
  }>;
  scfGetFunctionInfo(
    input: { namespace: string; region: string; functionName: string; codeSecret?: string },
    options: Transact,
  ): Promise<{
    runtime: string;
    timeout: number;
    status: string;
    statusDesc?: string;
    environment: { variables: Array<{ key: string; value: string }> };
  }>;
  scfCreateFunction(input: Record<string, unknown>, options: Transact): Promise<unknown>;
  scfUpdateFunctionInfo(input: Record<string, unknown>, options: Transact): Promise<unknown>;
}
interface CloudTransport {
  initCloudAPI(appid: string): void;
  boundTransactRequest(project: Project): Request;
  get3rdCloudCodeSecret(project: Project): Promise<string | undefined>;
}
interface ZipUtils {
  zipFile(dir: string): unknown;
  zipToBuffer(zip: unknown): Promise<Buffer>;
}

export const INTERNAL_MODULES = {
  cloudApi: 'miniprogram-ci/dist/common/cloud-api',
  transport: 'miniprogram-ci/dist/ci/cloud/cloudapi',
  zip: 'miniprogram-ci/dist/ci/cloud/utils',
} as const;

/** Where a function stands between updates; the others are in progress (or failed, which waiting reports). */
const ACTIVE = 'Active';
const FAILED = new Set(['CreateFailed', 'UpdateFailed', 'PublishFailed', 'DeleteFailed']);
const WAIT_MS = 10 * 60_000;
const POLL_MS = 3000;

/** The cloud's answer for a function that does not exist. */
const isNotFound = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'ResourceNotFound.Function' || /ResourceNotFound\.Function/.test(String(e?.message ?? ''));
};

/**
 * What the function holds until its code is uploaded: the deploy makes a function itself (so that it gets the
 * configured runtime, timeout and variables, which `uploadFunction` would not give it), then uploads the code.
 */
const STAND_IN = `exports.main = async () => ({ ok: false, code: 'UNAVAILABLE', message: '正在部署，请稍后再试' });\n`;

/** The WeChat of a real deploy: miniprogram-ci with the configured AppID and upload key. */
export function miniprogramCi(config: DeployConfig, ws: Workspace): WeChat {
  // miniprogram-ci takes seconds to load: only when a real deploy first talks to WeChat.
  let loaded: Promise<{ ci: typeof Ci; api: CloudApi; transport: CloudTransport; zip: ZipUtils }> | undefined;
  const load = () => {
    loaded ??= Promise.resolve().then(() => ({
      ci: require('miniprogram-ci') as typeof Ci,
      api: require(INTERNAL_MODULES.cloudApi) as CloudApi,
      transport: require(INTERNAL_MODULES.transport) as CloudTransport,
      zip: require(INTERNAL_MODULES.zip) as ZipUtils,
    }));
    return loaded;
  };
  const projects = new Map<string, Project>();
  const projectAt = async (projectPath: string): Promise<Project> => {
    const { ci } = await load();
    let project = projects.get(projectPath);
    if (project === undefined) {
      project = new ci.Project({
        appid: config.appid,
        type: 'miniProgram',
        projectPath,
        privateKeyPath: privateKeyFile(config),
        ignores: ['node_modules/**/*'],
      });
      projects.set(projectPath, project);
    }
    return project;
  };

  /** The environment's region and log settings, and the signed request, as uploadFunction finds them. */
  let cloud:
    | Promise<{
        transact: Transact;
        region: string;
        logs: { clsLogsetId?: string; clsTopicId?: string };
        codeSecret?: string;
      }>
    | undefined;
  const cloudOf = () => {
    cloud ??= (async () => {
      const { api, transport } = await load();
      const project = await projectAt(ws.root);
      transport.initCloudAPI(((await project.getExtAppid()) as string | undefined) || config.appid);
      const transact = { request: transport.boundTransactRequest(project), transactType: api.TransactType.IDE };
      const { envList } = await api.tcbGetEnvironments({}, transact);
      const found = envList.find((e) => e.envId === config.env);
      if (found === undefined) {
        throw new DeployError(`AppID ${config.appid} 下没有云开发环境 ${config.env}：检查 deploy.config.json 的 env`);
      }
      const region = found.functions[0]?.region ?? '';
      const log = found.logServices[0];
      const codeSecret = await transport.get3rdCloudCodeSecret(project);
      return {
        transact,
        region,
        logs: { clsLogsetId: log?.logsetId, clsTopicId: log?.topicId },
        ...(codeSecret && { codeSecret }),
      };
    })();
    return cloud;
  };

  const info = async (name: string) => {
    const { api } = await load();
    const { transact, region, codeSecret } = await cloudOf();
    return api.scfGetFunctionInfo({ namespace: config.env, region, functionName: name, codeSecret }, transact);
  };

  const waitActive = async (name: string): Promise<void> => {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const { status, statusDesc } = await info(name);
      if (status === ACTIVE) return;
      if (FAILED.has(status)) throw new DeployError(`云函数 ${name} 的状态是 ${status}：${statusDesc ?? ''}`);
      if (Date.now() > until) throw new DeployError(`云函数 ${name} 过了 ${WAIT_MS / 60_000} 分钟仍是 ${status}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const variables = (values: Record<string, string>) => ({
    variables: Object.entries(values).map(([key, value]) => ({ key, value })),
  });

  return {
    async getFunction({ name }): Promise<FunctionSettings | null> {
      try {
        const found = await info(name);
        return {
          runtime: found.runtime,
          timeout: found.timeout,
          variables: Object.fromEntries(found.environment.variables.map((v) => [v.key, v.value])),
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async createFunction({ env, name, runtime, timeout, variables: values }) {
      const { api, zip } = await load();
      const { transact, region, logs, codeSecret } = await cloudOf();
      const dir = path.join(ws.dir, 'stand-in');
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'index.js'), STAND_IN);
      const zipFile = (await zip.zipToBuffer(zip.zipFile(dir))).toString('base64');
      await api.scfCreateFunction(
        {
          functionName: name,
          code: { zipFile },
          handler: 'index.main',
          description: '',
          memorySize: 256,
          timeout,
          environment: variables(values),
          role: 'TCB_QcsRole',
          runtime,
          namespace: env,
          region,
          stamp: 'MINI_QCBASE',
          installDependency: true,
          codeSecret,
          ...logs,
        },
        transact,
      );
      await waitActive(name);
    },

    async uploadFunction({ env, name, path: dir }) {
      const { ci } = await load();
      return ci.cloud.uploadFunction({
        project: await projectAt(ws.root),
        env,
        name,
        path: dir,
        remoteNpmInstall: true,
      });
    },

    async configureFunction({ env, name, timeout, variables: values }) {
      const { api } = await load();
      const { transact, region } = await cloudOf();
      await api.scfUpdateFunctionInfo(
        { namespace: env, region, functionName: name, timeout, environment: variables(values) },
        transact,
      );
      await waitActive(name);
    },

    async createTimeTrigger({ env, functionName, triggers }) {
      const { ci } = await load();
      const message = await ci.cloud.createTimeTrigger({
        project: await projectAt(ws.root),
        envId: env,
        functionName,
        triggersConfig: triggers,
      });
      return { created: message === '创建定时触发器成功', message };
    },

    async upload({ projectPath, version, desc, robot }) {
      const { ci } = await load();
      const result = await ci.upload({
        project: await projectAt(projectPath),
        version,
        desc,
        robot,
        setting: { useProjectConfig: true },
      });
      return { packages: result.subPackageInfo ?? [] };
    },

    async preview({ projectPath, version, desc, robot, qrcodeFile }) {
      const { ci } = await load();
      await mkdir(path.dirname(qrcodeFile), { recursive: true });
      const result = await ci.preview({
        project: await projectAt(projectPath),
        version,
        desc,
        robot,
        setting: { useProjectConfig: true },
        qrcodeFormat: 'image',
        qrcodeOutputDest: qrcodeFile,
      });
      return { packages: result.subPackageInfo ?? [] };
    },
  };
}
