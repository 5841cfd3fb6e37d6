import { copyText } from '../../services/clipboard';
import { call } from '../../services/cloud';
import { ArticleStatsStore } from './article';
import { ChannelsStore } from './channels';
import { ExportStore } from './export';
import { StaffFilters } from './filters';
import { OverviewStore } from './overview';
import { RankingStore } from './ranking';

/** The staff pages' stores: in the subpackage, created the first time a staff page loads, never by the main package. */
export const filters = new StaffFilters();
export const overview = new OverviewStore({ call, filters });
export const ranking = new RankingStore({ call, filters });
export const articleStats = new ArticleStatsStore({ call, filters });
export const channels = new ChannelsStore({ call, filters });
export const exporter = new ExportStore({ call, filters, copy: copyText });
