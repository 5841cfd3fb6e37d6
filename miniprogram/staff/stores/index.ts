import { downloadFile, openAlbumSetting, saveToAlbum } from '../../services/album';
import { copyText } from '../../services/clipboard';
import { call } from '../../services/cloud';
import { AlbumSave } from '../../stores/album-save';
import { ArticleStatsStore } from './article';
import { ChannelCodeStore } from './channel-code';
import { ChannelMaker } from './channel-maker';
import { ChannelsStore } from './channels';
import { ExportStore } from './export';
import { StaffFilters } from './filters';
import { IssuesStore } from './issues';
import { OverviewStore } from './overview';
import { PeopleStore } from './people';
import { RankingStore } from './ranking';

/** The staff pages' stores: in the subpackage, created the first time a staff page loads, never by the main package. */
export const filters = new StaffFilters();
export const overview = new OverviewStore({ call, filters });
export const ranking = new RankingStore({ call, filters });
export const articleStats = new ArticleStatsStore({ call, filters });
export const channels = new ChannelsStore({ call, filters });
export const channelMaker = new ChannelMaker({ call, done: () => channels.load() });
export const channelCode = new ChannelCodeStore({
  call,
  download: downloadFile,
  copy: copyText,
  album: new AlbumSave({ save: saveToAlbum, openSetting: openAlbumSetting }),
});
export const exporter = new ExportStore({ call, filters, copy: copyText });
export const people = new PeopleStore({ call });
export const issues = new IssuesStore({ call });
