# Configures a fresh Redmine (default data loaded in Russian) the way a Redmine admin would by
# following the README's "Redmine: what to configure": REST on, the custom fields and statuses the
# app's default mapping names, a role that may do what the app does, two support engineers and
# three customer projects. Run once with `rails runner`; prints one line `PROKONTAKT_SETUP {json}`.
require 'json'

Setting.rest_api_enabled = '1'
Setting.default_language = 'ru'

tracker = Tracker.find_by!(id: 3) # «Поддержка»
statuses = IssueStatus.order(:id).to_a

# The app's role: exactly the permissions its commands need (read the team, write issues, log visits).
role = Role.create!(
  name: 'Инженер поддержки PROконтакт',
  assignable: true,
  issues_visibility: 'all',
  permissions: %i[view_issues add_issues edit_issues add_issue_notes view_private_notes
                  set_notes_private view_members view_time_entries log_time edit_own_time_entries]
)
# Every status may follow every other: Redmine's web UI and the app both move issues freely.
statuses.each do |from|
  statuses.each do |to|
    next if from == to
    WorkflowTransition.create!(role_id: role.id, tracker_id: tracker.id,
                               old_status_id: from.id, new_status_id: to.id)
  end
end

# Enabled per customer project, not "for all projects": only then does the project's REST answer
# (include=issue_custom_fields) list them, so "test connection" can name a project lacking one.
def issue_field(name, format, tracker, extra = {})
  IssueCustomField.create!({ name: name, field_format: format, is_for_all: false, visible: true,
                             editable: true, trackers: [tracker] }.merge(extra))
end

fields = {
  clientTicketId: issue_field('ID заявки в приложении', 'string', tracker, searchable: true, is_filter: true),
  account: issue_field('Учётная запись', 'string', tracker),
  steps: issue_field('Шаги воспроизведения', 'text', tracker),
  expected: issue_field('Ожидаемый результат', 'text', tracker),
  actual: issue_field('Фактический результат', 'text', tracker),
  diagnostics: issue_field('Первичная диагностика', 'text', tracker),
  notUserSideConfirmed: issue_field('Не на стороне пользователя', 'bool', tracker),
  reporterEmail: issue_field('E-mail для ответа', 'string', tracker),
  pauseReason: issue_field('Причина приостановки', 'list', tracker,
                           possible_values: %w[user_side_fault third_party_fault awaiting_user_action
                                               awaiting_user_info awaiting_third_party_info
                                               user_unreachable equipment_delivery other]),
  fixReleaseDate: issue_field('Дата выпуска исправления', 'date', tracker),
  extensionHours: issue_field('Продление, ч (P3)', 'float', tracker),
  lateRegistrationReason: issue_field('Причина поздней регистрации', 'text', tracker),
}

def project_field(name)
  ProjectCustomField.create!(name: name, field_format: 'string', visible: true, is_for_all: true)
end
project_fields = {
  timeZone: project_field('Часовой пояс (IANA)'),
  calendar: project_field('Производственный календарь'),
  emailDomains: project_field('Почтовые домены'),
}

def user(login, first, last)
  u = User.new(firstname: first, lastname: last, mail: "#{login}@support.example.ru", language: 'ru')
  u.login = login
  u.password = u.password_confirmation = SecureRandom.hex(16)
  u.status = User::STATUS_ACTIVE
  u.save!
  u
end
engineer = user('engineer', 'Ирина', 'Соколова')
colleague = user('colleague', 'Пётр', 'Волков')

orgs = [
  ['ООО «Северсталь-Сервис»', 'severstal', 'Europe/Moscow', 'RU', 'severstal.example.ru'],
  ['АО «Уралтехно»', 'uraltechno', 'Asia/Yekaterinburg', 'RU', 'uraltechno.example.ru, ut.example.ru'],
  ['ПАО «Владпорт»', 'vladport', 'Asia/Vladivostok', 'none', 'vladport.example.ru'],
]
projects = orgs.map do |name, identifier, zone, calendar, domains|
  project = Project.new(name: name, identifier: identifier, is_public: false)
  project.enabled_module_names = %w[issue_tracking time_tracking]
  project.trackers = [tracker]
  project.issue_custom_field_ids = fields.values.map(&:id)
  project.custom_field_values = {
    project_fields[:timeZone].id.to_s => zone,
    project_fields[:calendar].id.to_s => calendar,
    project_fields[:emailDomains].id.to_s => domains,
  }
  project.save!
  [engineer, colleague].each { |u| Member.create!(project: project, principal: u, role_ids: [role.id]) }
  { id: project.id, identifier: identifier }
end

activity = TimeEntryActivity.order(:position).find_by!(name: 'Разработка')

puts 'PROKONTAKT_SETUP ' + JSON.generate(
  adminKey: User.find_by!(login: 'admin').api_key,
  users: [engineer, colleague].map { |u| { id: u.id, login: u.login, apiKey: u.api_key } },
  trackerId: tracker.id,
  statuses: IssueStatus.order(:position).map { |s| { id: s.id, name: s.name, isClosed: s.is_closed } },
  priorities: IssuePriority.order(:position).map { |p| { id: p.id, name: p.name } },
  issueFields: fields.transform_values(&:id),
  projectFields: project_fields.transform_values(&:id),
  activityId: activity.id,
  roleId: role.id,
  projects: projects
)
