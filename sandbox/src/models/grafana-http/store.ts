import { dashboardReferences } from './references';

export interface DataSource {
  id: number;
  uid: string;
  name: string;
  type: string;
  access: string;
  url: string;
  user: string;
  database: string;
  basicAuth: boolean;
  basicAuthUser: string;
  withCredentials: boolean;
  isDefault: boolean;
  jsonData: Record<string, unknown>;
  /** Which secure fields are set. The values themselves are never kept: the sandbox needs only the fact. */
  secureJsonFields: Record<string, true>;
  version: number;
}

export interface Folder {
  id: number;
  uid: string;
  title: string;
  version: number;
  created: Date;
  updated: Date;
}

export interface Dashboard {
  id: number;
  uid: string;
  /** The stored JSON, with Grafana's id, uid, title and version written into it. */
  json: Record<string, unknown>;
  /** '' is the General folder. */
  folderUid: string;
  version: number;
  created: Date;
  updated: Date;
}

/**
 * One workspace's Grafana content (its single org). Folders and dashboards share one id sequence
 * and one uid namespace, as they share Grafana's dashboard table.
 */
export class GrafanaStore {
  readonly dataSources = new Map<string, DataSource>();
  readonly folders = new Map<string, Folder>();
  readonly dashboards = new Map<string, Dashboard>();
  private nextDashboardId = 1;
  private nextDataSourceId = 1;

  newDashboardId(): number {
    return this.nextDashboardId++;
  }

  newDataSourceId(): number {
    return this.nextDataSourceId++;
  }

  dataSourceByName(name: string): DataSource | undefined {
    return [...this.dataSources.values()].find((d) => d.name === name);
  }

  folderById(id: number): Folder | undefined {
    return [...this.folders.values()].find((f) => f.id === id);
  }

  dashboardById(id: number): Dashboard | undefined {
    return [...this.dashboards.values()].find((d) => d.id === id);
  }

  /** For the sandbox's state snapshot: what a test asserts on, without Grafana's bookkeeping. */
  snapshot() {
    return {
      dataSources: [...this.dataSources.values()].map(({ uid, name, type, url, jsonData }) => ({ uid, name, type, url, jsonData: structuredClone(jsonData) })),
      folders: [...this.folders.values()].map(({ uid, title }) => ({ uid, title })),
      dashboards: [...this.dashboards.values()].map((d) => ({
        uid: d.uid, title: String(d.json.title), folderUid: d.folderUid, version: d.version, ...dashboardReferences(d.json),
      })),
    };
  }
}
