import { version } from '../package.json';

export const ACTION_NAME = 'ecs-amp-action';
export const ACTION_VERSION: string = version;
