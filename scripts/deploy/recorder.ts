import { listFiles, totalBytes } from './files';
import { API, type WeChat } from './wechat';

export interface RecordedCall {
  /** Which WeChat call (see API). */
  api: string;
  /** What it was asked, with environment variable names and never their values. */
  args: Record<string, unknown>;
}

const names = (variables: Record<string, string>): string[] => Object.keys(variables);

/**
 * A WeChat that answers as a new environment would (no function yet, every request accepted) and keeps the calls
 * it was asked, never a variable's value: what a dry run prints and tests look at.
 */
export class Recorder implements WeChat {
  readonly calls: RecordedCall[] = [];

  private record(api: string, args: Record<string, unknown>): void {
    this.calls.push({ api, args });
  }

  async getFunction({ env, name }: { env: string; name: string }) {
    this.record(API.getFunction, { env, name });
    return null;
  }

  async createFunction({ env, name, runtime, timeout, variables }: Parameters<WeChat['createFunction']>[0]) {
    this.record(API.createFunction, { env, name, runtime, timeout, variables: names(variables) });
  }

  async uploadFunction({ env, name, path }: Parameters<WeChat['uploadFunction']>[0]) {
    this.record(API.uploadFunction, { env, name, path, remoteNpmInstall: true });
    const files = await listFiles(path);
    return { filesCount: files.length, packSize: totalBytes(files) };
  }

  async configureFunction({ env, name, timeout, variables }: Parameters<WeChat['configureFunction']>[0]) {
    this.record(API.configureFunction, { env, name, timeout, variables: names(variables) });
  }

  async createTimeTrigger({ env, functionName, triggers }: Parameters<WeChat['createTimeTrigger']>[0]) {
    this.record(API.createTimeTrigger, { envId: env, functionName, triggersConfig: triggers });
    return { created: true, message: '创建定时触发器成功' };
  }

  async upload({ projectPath, version, desc, robot }: Parameters<WeChat['upload']>[0]) {
    this.record(API.upload, { projectPath, version, desc, robot });
    return { packages: [] };
  }

  async preview({ projectPath, version, desc, robot, qrcodeFile }: Parameters<WeChat['preview']>[0]) {
    this.record(API.preview, { projectPath, version, desc, robot, qrcodeOutputDest: qrcodeFile });
    return { packages: [] };
  }
}
