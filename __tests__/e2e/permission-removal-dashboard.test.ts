import { describeRemovals } from './permission-removal';

describeRemovals('dashboard');
