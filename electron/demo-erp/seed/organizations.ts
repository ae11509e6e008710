import type { Organization } from '../../../shared/domain';

interface OrgSpec {
  id: string;
  name: string;
  timeZone: string;
  domain: string;
  accounts: string[];
  emails: string[];
}

// Twelve customers, one per Russian time zone from UTC+2 to UTC+12, so every SLA schedule the
// app must handle (working hours in the customer's zone) is in the demo queue.
const SPECS: OrgSpec[] = [
  {
    id: 'org-kgd-yantar',
    name: 'АО «Янтарный морской терминал»',
    timeZone: 'Europe/Kaliningrad',
    domain: 'yantar-terminal.ru',
    accounts: ['petrova.ai', 'dispatcher01', 'dispatcher02', 'admin.it'],
    emails: ['it@yantar-terminal.ru', 'petrova.ai@yantar-terminal.ru'],
  },
  {
    id: 'org-msk-stolitsa',
    name: 'ГБУ «Городской контакт-центр “Столица”»',
    timeZone: 'Europe/Moscow',
    domain: 'kc-stolitsa.ru',
    accounts: ['operator.smirnova', 'operator.kuznetsov', 'supervisor01', 'admin.sed'],
    emails: ['support@kc-stolitsa.ru', 'supervisor@kc-stolitsa.ru', 'smirnova.en@kc-stolitsa.ru'],
  },
  {
    id: 'org-sam-podshipnik',
    name: 'АО «Самарский подшипниковый завод»',
    timeZone: 'Europe/Samara',
    domain: 'spz-samara.ru',
    accounts: ['sbyt.orlova', 'otk.vasiliev', 'helpdesk'],
    emails: ['helpdesk@spz-samara.ru', 'orlova.tn@spz-samara.ru'],
  },
  {
    id: 'org-ekb-uralmed',
    name: 'ПАО «Уральская медная компания»',
    timeZone: 'Asia/Yekaterinburg',
    domain: 'uralmed.ru',
    accounts: ['kanc.morozova', 'snab.egorov', 'it.duty', 'buh.zakharova'],
    emails: ['it-duty@uralmed.ru', 'morozova.ov@uralmed.ru', 'zakharova.iv@uralmed.ru'],
  },
  {
    id: 'org-oms-neftekhim',
    name: 'ООО «Омскнефтехимсервис»',
    timeZone: 'Asia/Omsk',
    domain: 'onhs.ru',
    accounts: ['dispetcher.gromov', 'ot.nikolaeva', 'admin'],
    emails: ['it@onhs.ru', 'nikolaeva.sa@onhs.ru'],
  },
  {
    id: 'org-nsk-oblbolnitsa',
    name: 'ГБУЗ НСО «Областная клиническая больница № 2»',
    timeZone: 'Asia/Novosibirsk',
    domain: 'okb2-nso.ru',
    accounts: ['registratura01', 'registratura02', 'statistik.belova', 'it.okb2'],
    emails: ['asu@okb2-nso.ru', 'belova.mv@okb2-nso.ru'],
  },
  {
    id: 'org-krr-enisey',
    name: 'АО «Енисейская энергетическая компания»',
    timeZone: 'Asia/Krasnoyarsk',
    domain: 'eek24.ru',
    accounts: ['abon.otdel1', 'abon.otdel2', 'fedorov.pa', 'it.eek'],
    emails: ['support@eek24.ru', 'fedorov.pa@eek24.ru', 'abonent-it@eek24.ru'],
  },
  {
    id: 'org-irk-baikal',
    name: 'ООО «Байкальская сервисная компания»',
    timeZone: 'Asia/Irkutsk',
    domain: 'baikal-service.ru',
    accounts: ['manager.lysenko', 'call.center', 'admin.bsk'],
    emails: ['it@baikal-service.ru', 'lysenko.dn@baikal-service.ru'],
  },
  {
    id: 'org-yak-almaz',
    name: 'АО «Алмазы Северо-Востока»',
    timeZone: 'Asia/Yakutsk',
    domain: 'almaz-sv.ru',
    accounts: ['kadry.ivanova', 'sklad.popov', 'asu.dezhurny'],
    emails: ['asu@almaz-sv.ru', 'ivanova.nn@almaz-sv.ru'],
  },
  {
    id: 'org-vvo-primport',
    name: 'ООО «Приморский портовый оператор»',
    timeZone: 'Asia/Vladivostok',
    domain: 'primport.ru',
    accounts: ['tamozh.kim', 'logist.pak', 'operator.night', 'it.primport'],
    emails: ['helpdesk@primport.ru', 'kim.ev@primport.ru', 'pak.sv@primport.ru'],
  },
  {
    id: 'org-mgd-zoloto',
    name: 'ГУП «Магаданское горнорудное управление»',
    timeZone: 'Asia/Magadan',
    domain: 'mgru49.ru',
    accounts: ['kanc.sergeeva', 'energo.dispatcher', 'it.mgru'],
    emails: ['it@mgru49.ru', 'sergeeva.la@mgru49.ru'],
  },
  {
    id: 'org-pkc-kamryba',
    name: 'ООО «Камчатрыбпромсервис»',
    timeZone: 'Asia/Kamchatka',
    domain: 'kamryba41.ru',
    accounts: ['flot.dispatcher', 'buh.romanova', 'admin.kamryba'],
    emails: ['it@kamryba41.ru', 'romanova.es@kamryba41.ru'],
  },
];

export const DEMO_ORGANIZATIONS: readonly Organization[] = SPECS.map((spec) => ({
  id: spec.id,
  name: spec.name,
  timeZone: spec.timeZone,
  calendar: 'RU',
  accounts: spec.accounts,
  contactEmails: spec.emails,
  version: 1,
}));

export const DEMO_ORGANIZATION_IDS: readonly string[] = SPECS.map((spec) => spec.id);
