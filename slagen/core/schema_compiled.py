"""The agreement schema as Python: generated, do not edit.

Regenerate with ``python -m slagen.core.schema_compile``.

Stage: check.
"""
# mypy: ignore-errors
# ruff: noqa
# fmt: off


class JsonSchemaValueException(ValueError):
    """The first schema violation found (the generated code's exception)."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


JsonSchemaValuesException = JsonSchemaValueException
from decimal import Decimal
import re
REGEX_PATTERNS = {'^[A-Z]{3}$': re.compile('^[A-Z]{3}\\Z'), '^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){1,2})$': re.compile('^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){1,2})\\Z'), '^x_': re.compile('^x_'), '^sha256:[0-9a-f]{64}$': re.compile('^sha256:[0-9a-f]{64}\\Z'), '^[0-9a-f]{7,64}$': re.compile('^[0-9a-f]{7,64}\\Z'), '^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$': re.compile('^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*\\Z'), '^[1-9][0-9]*(m|h|d|w)$': re.compile('^[1-9][0-9]*(m|h|d|w)\\Z'), '^[0-9]{4}-(0[1-9]|1[0-2])$': re.compile('^[0-9]{4}-(0[1-9]|1[0-2])\\Z'), 'email_re_pattern': re.compile('^[^@\\s]+@[^@\\s]+$'), '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'), 'date_re_pattern': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), '^[a-z0-9][a-z0-9-]*$': re.compile('^[a-z0-9][a-z0-9-]*\\Z')}
NoneType = type(None)

def validate_https___slagen_dev_schemas_agreement_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_keys = set(data.keys())
            if 'type' in data_keys:
                data_keys.remove('type')
                data__type = data['type']
                if not (isinstance(data__type, str) and data__type == 'customer'):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.type must be same as const definition: customer', value=data__type, name='' + (name_prefix or 'data') + '.type', rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['service_levels']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_keys = set(data.keys())
            if 'type' in data_keys:
                data_keys.remove('type')
                data__type = data['type']
                if not (isinstance(data__type, str) and data__type == 'multilevel'):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.type must be same as const definition: multilevel', value=data__type, name='' + (name_prefix or 'data') + '.type', rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if 'parties' in data_keys:
                data_keys.remove('parties')
                data__parties = data['parties']
                data__parties_is_list = isinstance(data__parties, (list, tuple))
                if data__parties_is_list:
                    data__parties_len = len(data__parties)
                    if data__parties_len < 3:
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties must contain at least 3 items', value=data__parties, name='' + (name_prefix or 'data') + '.parties', rule='minItems')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['slagen', 'id', 'title', 'type', 'language', 'period', 'revision', 'parties', 'summary', 'objectives', 'needs', 'contacts', 'consequences', 'cancellation']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        if 'targets' in data:
            if 'currency' not in data:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' missing dependency currency for targets', value=data, name='' + (name_prefix or 'data') + '', rule='dependencies')
        data_keys = set(data.keys())
        if 'slagen' in data_keys:
            data_keys.remove('slagen')
            data__slagen = data['slagen']
            if not (isinstance(data__slagen, (int, float)) and (not isinstance(data__slagen, bool)) and (data__slagen == 1)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.slagen must be same as const definition: 1', value=data__slagen, name='' + (name_prefix or 'data') + '.slagen', rule='const')
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__id, custom_formats, (name_prefix or 'data') + '.id')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__title, custom_formats, (name_prefix or 'data') + '.title')
        if 'company' in data_keys:
            data_keys.remove('company')
            data__company = data['company']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__company, custom_formats, (name_prefix or 'data') + '.company')
        if 'type' in data_keys:
            data_keys.remove('type')
            data__type = data['type']
            if not (isinstance(data__type, str) and data__type == 'internal' or (isinstance(data__type, str) and data__type == 'customer') or (isinstance(data__type, str) and data__type == 'multilevel')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".type must be one of ['internal', 'customer', 'multilevel']", value=data__type, name='' + (name_prefix or 'data') + '.type', rule='enum')
        if 'language' in data_keys:
            data_keys.remove('language')
            data__language = data['language']
            if not (isinstance(data__language, str) and data__language == 'es' or (isinstance(data__language, str) and data__language == 'en')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".language must be one of ['es', 'en']", value=data__language, name='' + (name_prefix or 'data') + '.language', rule='enum')
        if 'currency' in data_keys:
            data_keys.remove('currency')
            data__currency = data['currency']
            if not isinstance(data__currency, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.currency must be string', value=data__currency, name='' + (name_prefix or 'data') + '.currency', rule='type')
            if isinstance(data__currency, str):
                if not REGEX_PATTERNS['^[A-Z]{3}$'].search(data__currency):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.currency must match pattern ^[A-Z]{3}$', value=data__currency, name='' + (name_prefix or 'data') + '.currency', rule='pattern')
        if 'timezone' in data_keys:
            data_keys.remove('timezone')
            data__timezone = data['timezone']
            if not isinstance(data__timezone, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.timezone must be string', value=data__timezone, name='' + (name_prefix or 'data') + '.timezone', rule='type')
            if isinstance(data__timezone, str):
                if not REGEX_PATTERNS['^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){1,2})$'].search(data__timezone):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.timezone must match pattern ^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){1,2})$', value=data__timezone, name='' + (name_prefix or 'data') + '.timezone', rule='pattern')
        if 'period' in data_keys:
            data_keys.remove('period')
            data__period = data['period']
            if not isinstance(data__period, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.period must be object', value=data__period, name='' + (name_prefix or 'data') + '.period', rule='type')
            data__period_is_dict = isinstance(data__period, dict)
            if data__period_is_dict:
                data__period__missing_keys = set(['start', 'end']) - data__period.keys()
                if data__period__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.period must contain ' + (str(sorted(data__period__missing_keys)) + ' properties'), value=data__period, name='' + (name_prefix or 'data') + '.period', rule='required')
                data__period_keys = set(data__period.keys())
                if 'start' in data__period_keys:
                    data__period_keys.remove('start')
                    data__period__start = data__period['start']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__period__start, custom_formats, (name_prefix or 'data') + '.period.start')
                if 'end' in data__period_keys:
                    data__period_keys.remove('end')
                    data__period__end = data__period['end']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__period__end, custom_formats, (name_prefix or 'data') + '.period.end')
                for data__period_key, data__period_val in data__period.items():
                    if REGEX_PATTERNS['^x_'].search(data__period_key):
                        if data__period_key in data__period_keys:
                            data__period_keys.remove(data__period_key)
                if data__period_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.period must not contain ' + str(data__period_keys) + ' properties', value=data__period, name='' + (name_prefix or 'data') + '.period', rule='additionalProperties')
        if 'revision' in data_keys:
            data_keys.remove('revision')
            data__revision = data['revision']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_revision_entry(data__revision, custom_formats, (name_prefix or 'data') + '.revision')
        if 'history' in data_keys:
            data_keys.remove('history')
            data__history = data['history']
            if not isinstance(data__history, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.history must be array', value=data__history, name='' + (name_prefix or 'data') + '.history', rule='type')
            data__history_is_list = isinstance(data__history, (list, tuple))
            if data__history_is_list:
                data__history_len = len(data__history)
                for data__history_x, data__history_item in enumerate(data__history):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_revision_entry(data__history_item, custom_formats, (name_prefix or 'data') + '.history[{data__history_x}]'.format(**locals()))
        if 'parties' in data_keys:
            data_keys.remove('parties')
            data__parties = data['parties']
            if not isinstance(data__parties, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties must be array', value=data__parties, name='' + (name_prefix or 'data') + '.parties', rule='type')
            data__parties_is_list = isinstance(data__parties, (list, tuple))
            if data__parties_is_list:
                data__parties_len = len(data__parties)
                if data__parties_len < 2:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.parties must contain at least 2 items', value=data__parties, name='' + (name_prefix or 'data') + '.parties', rule='minItems')
                for data__parties_x, data__parties_item in enumerate(data__parties):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_party(data__parties_item, custom_formats, (name_prefix or 'data') + '.parties[{data__parties_x}]'.format(**locals()))
        if 'summary' in data_keys:
            data_keys.remove('summary')
            data__summary = data['summary']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__summary, custom_formats, (name_prefix or 'data') + '.summary')
        if 'definitions' in data_keys:
            data_keys.remove('definitions')
            data__definitions = data['definitions']
            if not isinstance(data__definitions, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.definitions must be array', value=data__definitions, name='' + (name_prefix or 'data') + '.definitions', rule='type')
            data__definitions_is_list = isinstance(data__definitions, (list, tuple))
            if data__definitions_is_list:
                data__definitions_len = len(data__definitions)
                for data__definitions_x, data__definitions_item in enumerate(data__definitions):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_definition(data__definitions_item, custom_formats, (name_prefix or 'data') + '.definitions[{data__definitions_x}]'.format(**locals()))
        if 'objectives' in data_keys:
            data_keys.remove('objectives')
            data__objectives = data['objectives']
            if not isinstance(data__objectives, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.objectives must be array', value=data__objectives, name='' + (name_prefix or 'data') + '.objectives', rule='type')
            data__objectives_is_list = isinstance(data__objectives, (list, tuple))
            if data__objectives_is_list:
                data__objectives_len = len(data__objectives)
                if data__objectives_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.objectives must contain at least 1 items', value=data__objectives, name='' + (name_prefix or 'data') + '.objectives', rule='minItems')
                for data__objectives_x, data__objectives_item in enumerate(data__objectives):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_objective(data__objectives_item, custom_formats, (name_prefix or 'data') + '.objectives[{data__objectives_x}]'.format(**locals()))
        if 'needs' in data_keys:
            data_keys.remove('needs')
            data__needs = data['needs']
            if not isinstance(data__needs, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.needs must be array', value=data__needs, name='' + (name_prefix or 'data') + '.needs', rule='type')
            data__needs_is_list = isinstance(data__needs, (list, tuple))
            if data__needs_is_list:
                data__needs_len = len(data__needs)
                if data__needs_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.needs must contain at least 1 items', value=data__needs, name='' + (name_prefix or 'data') + '.needs', rule='minItems')
                for data__needs_x, data__needs_item in enumerate(data__needs):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_need(data__needs_item, custom_formats, (name_prefix or 'data') + '.needs[{data__needs_x}]'.format(**locals()))
        if 'contacts' in data_keys:
            data_keys.remove('contacts')
            data__contacts = data['contacts']
            if not isinstance(data__contacts, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.contacts must be array', value=data__contacts, name='' + (name_prefix or 'data') + '.contacts', rule='type')
            data__contacts_is_list = isinstance(data__contacts, (list, tuple))
            if data__contacts_is_list:
                data__contacts_len = len(data__contacts)
                if data__contacts_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.contacts must contain at least 1 items', value=data__contacts, name='' + (name_prefix or 'data') + '.contacts', rule='minItems')
                for data__contacts_x, data__contacts_item in enumerate(data__contacts):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_contact(data__contacts_item, custom_formats, (name_prefix or 'data') + '.contacts[{data__contacts_x}]'.format(**locals()))
        if 'service_levels' in data_keys:
            data_keys.remove('service_levels')
            data__servicelevels = data['service_levels']
            if not isinstance(data__servicelevels, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.service_levels must be array', value=data__servicelevels, name='' + (name_prefix or 'data') + '.service_levels', rule='type')
            data__servicelevels_is_list = isinstance(data__servicelevels, (list, tuple))
            if data__servicelevels_is_list:
                data__servicelevels_len = len(data__servicelevels)
                if data__servicelevels_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.service_levels must contain at least 1 items', value=data__servicelevels, name='' + (name_prefix or 'data') + '.service_levels', rule='minItems')
                for data__servicelevels_x, data__servicelevels_item in enumerate(data__servicelevels):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_service_level(data__servicelevels_item, custom_formats, (name_prefix or 'data') + '.service_levels[{data__servicelevels_x}]'.format(**locals()))
        if 'targets' in data_keys:
            data_keys.remove('targets')
            data__targets = data['targets']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_targets(data__targets, custom_formats, (name_prefix or 'data') + '.targets')
        if 'follow_up' in data_keys:
            data_keys.remove('follow_up')
            data__followup = data['follow_up']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_follow_up(data__followup, custom_formats, (name_prefix or 'data') + '.follow_up')
        if 'capacity' in data_keys:
            data_keys.remove('capacity')
            data__capacity = data['capacity']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_capacity(data__capacity, custom_formats, (name_prefix or 'data') + '.capacity')
        if 'reports' in data_keys:
            data_keys.remove('reports')
            data__reports = data['reports']
            if not isinstance(data__reports, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.reports must be array', value=data__reports, name='' + (name_prefix or 'data') + '.reports', rule='type')
            data__reports_is_list = isinstance(data__reports, (list, tuple))
            if data__reports_is_list:
                data__reports_len = len(data__reports)
                for data__reports_x, data__reports_item in enumerate(data__reports):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_report(data__reports_item, custom_formats, (name_prefix or 'data') + '.reports[{data__reports_x}]'.format(**locals()))
        if 'meetings' in data_keys:
            data_keys.remove('meetings')
            data__meetings = data['meetings']
            if not isinstance(data__meetings, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.meetings must be array', value=data__meetings, name='' + (name_prefix or 'data') + '.meetings', rule='type')
            data__meetings_is_list = isinstance(data__meetings, (list, tuple))
            if data__meetings_is_list:
                data__meetings_len = len(data__meetings)
                for data__meetings_x, data__meetings_item in enumerate(data__meetings):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_meeting(data__meetings_item, custom_formats, (name_prefix or 'data') + '.meetings[{data__meetings_x}]'.format(**locals()))
        if 'consequences' in data_keys:
            data_keys.remove('consequences')
            data__consequences = data['consequences']
            if not isinstance(data__consequences, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.consequences must be array', value=data__consequences, name='' + (name_prefix or 'data') + '.consequences', rule='type')
            data__consequences_is_list = isinstance(data__consequences, (list, tuple))
            if data__consequences_is_list:
                data__consequences_len = len(data__consequences)
                if data__consequences_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.consequences must contain at least 1 items', value=data__consequences, name='' + (name_prefix or 'data') + '.consequences', rule='minItems')
                for data__consequences_x, data__consequences_item in enumerate(data__consequences):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_consequence(data__consequences_item, custom_formats, (name_prefix or 'data') + '.consequences[{data__consequences_x}]'.format(**locals()))
        if 'cancellation' in data_keys:
            data_keys.remove('cancellation')
            data__cancellation = data['cancellation']
            if not isinstance(data__cancellation, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.cancellation must be array', value=data__cancellation, name='' + (name_prefix or 'data') + '.cancellation', rule='type')
            data__cancellation_is_list = isinstance(data__cancellation, (list, tuple))
            if data__cancellation_is_list:
                data__cancellation_len = len(data__cancellation)
                if data__cancellation_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.cancellation must contain at least 1 items', value=data__cancellation, name='' + (name_prefix or 'data') + '.cancellation', rule='minItems')
                for data__cancellation_x, data__cancellation_item in enumerate(data__cancellation):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_cancellation_entry(data__cancellation_item, custom_formats, (name_prefix or 'data') + '.cancellation[{data__cancellation_x}]'.format(**locals()))
        if 'part_of' in data_keys:
            data_keys.remove('part_of')
            data__partof = data['part_of']
            if not isinstance(data__partof, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.part_of must be object', value=data__partof, name='' + (name_prefix or 'data') + '.part_of', rule='type')
            data__partof_is_dict = isinstance(data__partof, dict)
            if data__partof_is_dict:
                data__partof__missing_keys = set(['agreement']) - data__partof.keys()
                if data__partof__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.part_of must contain ' + (str(sorted(data__partof__missing_keys)) + ' properties'), value=data__partof, name='' + (name_prefix or 'data') + '.part_of', rule='required')
                data__partof_keys = set(data__partof.keys())
                if 'agreement' in data__partof_keys:
                    data__partof_keys.remove('agreement')
                    data__partof__agreement = data__partof['agreement']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__partof__agreement, custom_formats, (name_prefix or 'data') + '.part_of.agreement')
                if 'segment' in data__partof_keys:
                    data__partof_keys.remove('segment')
                    data__partof__segment = data__partof['segment']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__partof__segment, custom_formats, (name_prefix or 'data') + '.part_of.segment')
                if 'tolerance' in data__partof_keys:
                    data__partof_keys.remove('tolerance')
                    data__partof__tolerance = data__partof['tolerance']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data__partof__tolerance, custom_formats, (name_prefix or 'data') + '.part_of.tolerance')
                if data__partof_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.part_of must not contain ' + str(data__partof_keys) + ' properties', value=data__partof, name='' + (name_prefix or 'data') + '.part_of', rule='additionalProperties')
        if 'amendment' in data_keys:
            data_keys.remove('amendment')
            data__amendment = data['amendment']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__amendment, custom_formats, (name_prefix or 'data') + '.amendment')
        if 'approvals' in data_keys:
            data_keys.remove('approvals')
            data__approvals = data['approvals']
            if not isinstance(data__approvals, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.approvals must be array', value=data__approvals, name='' + (name_prefix or 'data') + '.approvals', rule='type')
            data__approvals_is_list = isinstance(data__approvals, (list, tuple))
            if data__approvals_is_list:
                data__approvals_len = len(data__approvals)
                for data__approvals_x, data__approvals_item in enumerate(data__approvals):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_approval(data__approvals_item, custom_formats, (name_prefix or 'data') + '.approvals[{data__approvals_x}]'.format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_approval(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['party', 'name', 'date', 'fingerprint']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'party' in data_keys:
            data_keys.remove('party')
            data__party = data['party']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__party, custom_formats, (name_prefix or 'data') + '.party')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__title, custom_formats, (name_prefix or 'data') + '.title')
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__date, custom_formats, (name_prefix or 'data') + '.date')
        if 'fingerprint' in data_keys:
            data_keys.remove('fingerprint')
            data__fingerprint = data['fingerprint']
            if not isinstance(data__fingerprint, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.fingerprint must be string', value=data__fingerprint, name='' + (name_prefix or 'data') + '.fingerprint', rule='type')
            if isinstance(data__fingerprint, str):
                if not REGEX_PATTERNS['^sha256:[0-9a-f]{64}$'].search(data__fingerprint):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.fingerprint must match pattern ^sha256:[0-9a-f]{64}$', value=data__fingerprint, name='' + (name_prefix or 'data') + '.fingerprint', rule='pattern')
        if 'proof' in data_keys:
            data_keys.remove('proof')
            data__proof = data['proof']
            if not isinstance(data__proof, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proof must be object', value=data__proof, name='' + (name_prefix or 'data') + '.proof', rule='type')
            data__proof_is_dict = isinstance(data__proof, dict)
            if data__proof_is_dict:
                data__proof__missing_keys = set(['commit']) - data__proof.keys()
                if data__proof__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proof must contain ' + (str(sorted(data__proof__missing_keys)) + ' properties'), value=data__proof, name='' + (name_prefix or 'data') + '.proof', rule='required')
                data__proof_keys = set(data__proof.keys())
                if 'commit' in data__proof_keys:
                    data__proof_keys.remove('commit')
                    data__proof__commit = data__proof['commit']
                    if not isinstance(data__proof__commit, str):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proof.commit must be string', value=data__proof__commit, name='' + (name_prefix or 'data') + '.proof.commit', rule='type')
                    if isinstance(data__proof__commit, str):
                        if not REGEX_PATTERNS['^[0-9a-f]{7,64}$'].search(data__proof__commit):
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proof.commit must match pattern ^[0-9a-f]{7,64}$', value=data__proof__commit, name='' + (name_prefix or 'data') + '.proof.commit', rule='pattern')
                if data__proof_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.proof must not contain ' + str(data__proof_keys) + ' properties', value=data__proof, name='' + (name_prefix or 'data') + '.proof', rule='additionalProperties')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data, custom_formats={}, name_prefix=None):
    data_any_of_count1 = 0
    if not data_any_of_count1:
        try:
            if not isinstance(data, (int, float, Decimal)) or isinstance(data, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be number', value=data, name='' + (name_prefix or 'data') + '', rule='type')
            if isinstance(data, (int, float, Decimal)) and (not isinstance(data, bool)):
                if data > 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be smaller than or equal to 1', value=data, name='' + (name_prefix or 'data') + '', rule='maximum')
                if data <= 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be bigger than 0', value=data, name='' + (name_prefix or 'data') + '', rule='exclusiveMinimum')
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count1:
        try:
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_percent(data, custom_formats, (name_prefix or 'data') + '')
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count1:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' cannot be validated by any definition', value=data, name='' + (name_prefix or 'data') + '', rule='anyOf')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_percent(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_cancellation_entry(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__text, custom_formats, (name_prefix or 'data') + '.text')
        if 'when' in data_keys:
            data_keys.remove('when')
            data__when = data['when']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_condition(data__when, custom_formats, (name_prefix or 'data') + '.when')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_condition(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_one_of_count2 = 0
    if data_one_of_count2 < 2:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['below']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_one_of_count2 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count2 < 2:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['above']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_one_of_count2 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count2 != 1:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be valid exactly by one definition' + (' (' + str(data_one_of_count2) + ' matches found)'), value=data, name='' + (name_prefix or 'data') + '', rule='oneOf')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['metric']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'metric' in data_keys:
            data_keys.remove('metric')
            data__metric = data['metric']
            if not (isinstance(data__metric, str) and data__metric == 'leads_delivered_pct' or (isinstance(data__metric, str) and data__metric == 'first_attempt_on_time_pct') or (isinstance(data__metric, str) and data__metric == 'avg_attempts_unconnected') or (isinstance(data__metric, str) and data__metric == 'revenue_pct')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".metric must be one of ['leads_delivered_pct', 'first_attempt_on_time_pct', 'avg_attempts_unconnected', 'revenue_pct']", value=data__metric, name='' + (name_prefix or 'data') + '.metric', rule='enum')
        if 'below' in data_keys:
            data_keys.remove('below')
            data__below = data['below']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_threshold(data__below, custom_formats, (name_prefix or 'data') + '.below')
        if 'above' in data_keys:
            data_keys.remove('above')
            data__above = data['above']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_threshold(data__above, custom_formats, (name_prefix or 'data') + '.above')
        if 'for_months' in data_keys:
            data_keys.remove('for_months')
            data__formonths = data['for_months']
            if not isinstance(data__formonths, int) and (not (isinstance(data__formonths, float) and data__formonths.is_integer())) or isinstance(data__formonths, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.for_months must be integer', value=data__formonths, name='' + (name_prefix or 'data') + '.for_months', rule='type')
            if isinstance(data__formonths, (int, float, Decimal)) and (not isinstance(data__formonths, bool)):
                if data__formonths < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.for_months must be bigger than or equal to 1', value=data__formonths, name='' + (name_prefix or 'data') + '.for_months', rule='minimum')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_threshold(data, custom_formats={}, name_prefix=None):
    data_any_of_count3 = 0
    if not data_any_of_count3:
        try:
            if not isinstance(data, (int, float, Decimal)) or isinstance(data, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be number', value=data, name='' + (name_prefix or 'data') + '', rule='type')
            if isinstance(data, (int, float, Decimal)) and (not isinstance(data, bool)):
                if data < 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be bigger than or equal to 0', value=data, name='' + (name_prefix or 'data') + '', rule='minimum')
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count3:
        try:
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_percent(data, custom_formats, (name_prefix or 'data') + '')
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count3:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' cannot be validated by any definition', value=data, name='' + (name_prefix or 'data') + '', rule='anyOf')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_consequence(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['trigger', 'action']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'trigger' in data_keys:
            data_keys.remove('trigger')
            data__trigger = data['trigger']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__trigger, custom_formats, (name_prefix or 'data') + '.trigger')
        if 'action' in data_keys:
            data_keys.remove('action')
            data__action = data['action']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__action, custom_formats, (name_prefix or 'data') + '.action')
        if 'owner' in data_keys:
            data_keys.remove('owner')
            data__owner = data['owner']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__owner, custom_formats, (name_prefix or 'data') + '.owner')
        if 'when' in data_keys:
            data_keys.remove('when')
            data__when = data['when']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_condition(data__when, custom_formats, (name_prefix or 'data') + '.when')
        if 'credit' in data_keys:
            data_keys.remove('credit')
            data__credit = data['credit']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data__credit, custom_formats, (name_prefix or 'data') + '.credit')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_meeting(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'cadence', 'participants']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'cadence' in data_keys:
            data_keys.remove('cadence')
            data__cadence = data['cadence']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__cadence, custom_formats, (name_prefix or 'data') + '.cadence')
        if 'participants' in data_keys:
            data_keys.remove('participants')
            data__participants = data['participants']
            if not isinstance(data__participants, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.participants must be array', value=data__participants, name='' + (name_prefix or 'data') + '.participants', rule='type')
            data__participants_is_list = isinstance(data__participants, (list, tuple))
            if data__participants_is_list:
                data__participants_len = len(data__participants)
                if data__participants_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.participants must contain at least 1 items', value=data__participants, name='' + (name_prefix or 'data') + '.participants', rule='minItems')

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__participants_len > len(set((fn(data__participants_x) for data__participants_x in data__participants))):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.participants must contain unique items', value=data__participants, name='' + (name_prefix or 'data') + '.participants', rule='uniqueItems')
                for data__participants_x, data__participants_item in enumerate(data__participants):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__participants_item, custom_formats, (name_prefix or 'data') + '.participants[{data__participants_x}]'.format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_report(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'from', 'to', 'cadence']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'from' in data_keys:
            data_keys.remove('from')
            data__from = data['from']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__from, custom_formats, (name_prefix or 'data') + '.from')
        if 'to' in data_keys:
            data_keys.remove('to')
            data__to = data['to']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__to, custom_formats, (name_prefix or 'data') + '.to')
        if 'cadence' in data_keys:
            data_keys.remove('cadence')
            data__cadence = data['cadence']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__cadence, custom_formats, (name_prefix or 'data') + '.cadence')
        if 'content' in data_keys:
            data_keys.remove('content')
            data__content = data['content']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__content, custom_formats, (name_prefix or 'data') + '.content')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_capacity(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['reps', 'hours_per_rep_month', 'minutes_per_attempt']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'reps' in data_keys:
            data_keys.remove('reps')
            data__reps = data['reps']
            if not isinstance(data__reps, int) and (not (isinstance(data__reps, float) and data__reps.is_integer())) or isinstance(data__reps, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.reps must be integer', value=data__reps, name='' + (name_prefix or 'data') + '.reps', rule='type')
            if isinstance(data__reps, (int, float, Decimal)) and (not isinstance(data__reps, bool)):
                if data__reps < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.reps must be bigger than or equal to 1', value=data__reps, name='' + (name_prefix or 'data') + '.reps', rule='minimum')
        if 'hours_per_rep_month' in data_keys:
            data_keys.remove('hours_per_rep_month')
            data__hoursperrepmonth = data['hours_per_rep_month']
            if not isinstance(data__hoursperrepmonth, (int, float, Decimal)) or isinstance(data__hoursperrepmonth, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.hours_per_rep_month must be number', value=data__hoursperrepmonth, name='' + (name_prefix or 'data') + '.hours_per_rep_month', rule='type')
            if isinstance(data__hoursperrepmonth, (int, float, Decimal)) and (not isinstance(data__hoursperrepmonth, bool)):
                if data__hoursperrepmonth <= 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.hours_per_rep_month must be bigger than 0', value=data__hoursperrepmonth, name='' + (name_prefix or 'data') + '.hours_per_rep_month', rule='exclusiveMinimum')
        if 'minutes_per_attempt' in data_keys:
            data_keys.remove('minutes_per_attempt')
            data__minutesperattempt = data['minutes_per_attempt']
            if not isinstance(data__minutesperattempt, (int, float, Decimal)) or isinstance(data__minutesperattempt, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.minutes_per_attempt must be number', value=data__minutesperattempt, name='' + (name_prefix or 'data') + '.minutes_per_attempt', rule='type')
            if isinstance(data__minutesperattempt, (int, float, Decimal)) and (not isinstance(data__minutesperattempt, bool)):
                if data__minutesperattempt <= 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.minutes_per_attempt must be bigger than 0', value=data__minutesperattempt, name='' + (name_prefix or 'data') + '.minutes_per_attempt', rule='exclusiveMinimum')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_follow_up(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['first_attempt_within', 'min_attempts']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'first_attempt_within' in data_keys:
            data_keys.remove('first_attempt_within')
            data__firstattemptwithin = data['first_attempt_within']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_duration(data__firstattemptwithin, custom_formats, (name_prefix or 'data') + '.first_attempt_within')
        if 'min_attempts' in data_keys:
            data_keys.remove('min_attempts')
            data__minattempts = data['min_attempts']
            if not isinstance(data__minattempts, int) and (not (isinstance(data__minattempts, float) and data__minattempts.is_integer())) or isinstance(data__minattempts, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.min_attempts must be integer', value=data__minattempts, name='' + (name_prefix or 'data') + '.min_attempts', rule='type')
            if isinstance(data__minattempts, (int, float, Decimal)) and (not isinstance(data__minattempts, bool)):
                if data__minattempts < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.min_attempts must be bigger than or equal to 1', value=data__minattempts, name='' + (name_prefix or 'data') + '.min_attempts', rule='minimum')
        if 'attempts_within' in data_keys:
            data_keys.remove('attempts_within')
            data__attemptswithin = data['attempts_within']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_duration(data__attemptswithin, custom_formats, (name_prefix or 'data') + '.attempts_within')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_duration(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[1-9][0-9]*(m|h|d|w)$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[1-9][0-9]*(m|h|d|w)$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_targets(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['segments']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'dimension' in data_keys:
            data_keys.remove('dimension')
            data__dimension = data['dimension']
            if not (isinstance(data__dimension, str) and data__dimension == 'region' or (isinstance(data__dimension, str) and data__dimension == 'persona') or (isinstance(data__dimension, str) and data__dimension == 'channel') or (isinstance(data__dimension, str) and data__dimension == 'customer_type')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".dimension must be one of ['region', 'persona', 'channel', 'customer_type']", value=data__dimension, name='' + (name_prefix or 'data') + '.dimension', rule='enum')
        if 'appendix' in data_keys:
            data_keys.remove('appendix')
            data__appendix = data['appendix']
            if not isinstance(data__appendix, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.appendix must be boolean', value=data__appendix, name='' + (name_prefix or 'data') + '.appendix', rule='type')
        if 'sensitivity' in data_keys:
            data_keys.remove('sensitivity')
            data__sensitivity = data['sensitivity']
            if not isinstance(data__sensitivity, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sensitivity must be boolean', value=data__sensitivity, name='' + (name_prefix or 'data') + '.sensitivity', rule='type')
        if 'fiscal_year' in data_keys:
            data_keys.remove('fiscal_year')
            data__fiscalyear = data['fiscal_year']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__fiscalyear, custom_formats, (name_prefix or 'data') + '.fiscal_year')
        if 'prorate' in data_keys:
            data_keys.remove('prorate')
            data__prorate = data['prorate']
            if not isinstance(data__prorate, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.prorate must be boolean', value=data__prorate, name='' + (name_prefix or 'data') + '.prorate', rule='type')
        if 'goal_days' in data_keys:
            data_keys.remove('goal_days')
            data__goaldays = data['goal_days']
            if not (isinstance(data__goaldays, str) and data__goaldays == 'calendar' or (isinstance(data__goaldays, str) and data__goaldays == 'business')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".goal_days must be one of ['calendar', 'business']", value=data__goaldays, name='' + (name_prefix or 'data') + '.goal_days', rule='enum')
        if 'holidays' in data_keys:
            data_keys.remove('holidays')
            data__holidays = data['holidays']
            if not isinstance(data__holidays, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.holidays must be array', value=data__holidays, name='' + (name_prefix or 'data') + '.holidays', rule='type')
            data__holidays_is_list = isinstance(data__holidays, (list, tuple))
            if data__holidays_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__holidays_len = len(data__holidays)
                if data__holidays_len > len(set((fn(data__holidays_x) for data__holidays_x in data__holidays))):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.holidays must contain unique items', value=data__holidays, name='' + (name_prefix or 'data') + '.holidays', rule='uniqueItems')
                for data__holidays_x, data__holidays_item in enumerate(data__holidays):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__holidays_item, custom_formats, (name_prefix or 'data') + '.holidays[{data__holidays_x}]'.format(**locals()))
        if 'groups' in data_keys:
            data_keys.remove('groups')
            data__groups = data['groups']
            if not isinstance(data__groups, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.groups must be array', value=data__groups, name='' + (name_prefix or 'data') + '.groups', rule='type')
            data__groups_is_list = isinstance(data__groups, (list, tuple))
            if data__groups_is_list:
                data__groups_len = len(data__groups)
                for data__groups_x, data__groups_item in enumerate(data__groups):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_segment_group(data__groups_item, custom_formats, (name_prefix or 'data') + '.groups[{data__groups_x}]'.format(**locals()))
        if 'segments' in data_keys:
            data_keys.remove('segments')
            data__segments = data['segments']
            if not isinstance(data__segments, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.segments must be array', value=data__segments, name='' + (name_prefix or 'data') + '.segments', rule='type')
            data__segments_is_list = isinstance(data__segments, (list, tuple))
            if data__segments_is_list:
                data__segments_len = len(data__segments)
                if data__segments_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.segments must contain at least 1 items', value=data__segments, name='' + (name_prefix or 'data') + '.segments', rule='minItems')
                for data__segments_x, data__segments_item in enumerate(data__segments):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_segment(data__segments_item, custom_formats, (name_prefix or 'data') + '.segments[{data__segments_x}]'.format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_segment(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_one_of_count4 = 0
    if data_one_of_count4 < 2:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['close_rate']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count4 < 2:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['funnel']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count4 != 1:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be valid exactly by one definition' + (' (' + str(data_one_of_count4) + ' matches found)'), value=data, name='' + (name_prefix or 'data') + '', rule='oneOf')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'revenue_goal', 'marketing_share', 'avg_deal_size']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__id, custom_formats, (name_prefix or 'data') + '.id')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'group' in data_keys:
            data_keys.remove('group')
            data__group = data['group']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__group, custom_formats, (name_prefix or 'data') + '.group')
        if 'revenue_goal' in data_keys:
            data_keys.remove('revenue_goal')
            data__revenuegoal = data['revenue_goal']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_revenue_goal(data__revenuegoal, custom_formats, (name_prefix or 'data') + '.revenue_goal')
        if 'currency' in data_keys:
            data_keys.remove('currency')
            data__currency = data['currency']
            if not isinstance(data__currency, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.currency must be string', value=data__currency, name='' + (name_prefix or 'data') + '.currency', rule='type')
            if isinstance(data__currency, str):
                if not REGEX_PATTERNS['^[A-Z]{3}$'].search(data__currency):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.currency must match pattern ^[A-Z]{3}$', value=data__currency, name='' + (name_prefix or 'data') + '.currency', rule='pattern')
        if 'exchange_rate' in data_keys:
            data_keys.remove('exchange_rate')
            data__exchangerate = data['exchange_rate']
            if not isinstance(data__exchangerate, (int, float, Decimal)) or isinstance(data__exchangerate, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.exchange_rate must be number', value=data__exchangerate, name='' + (name_prefix or 'data') + '.exchange_rate', rule='type')
            if isinstance(data__exchangerate, (int, float, Decimal)) and (not isinstance(data__exchangerate, bool)):
                if data__exchangerate <= 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.exchange_rate must be bigger than 0', value=data__exchangerate, name='' + (name_prefix or 'data') + '.exchange_rate', rule='exclusiveMinimum')
        if 'marketing_share' in data_keys:
            data_keys.remove('marketing_share')
            data__marketingshare = data['marketing_share']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate_by_month(data__marketingshare, custom_formats, (name_prefix or 'data') + '.marketing_share')
        if 'avg_deal_size' in data_keys:
            data_keys.remove('avg_deal_size')
            data__avgdealsize = data['avg_deal_size']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_money_by_month(data__avgdealsize, custom_formats, (name_prefix or 'data') + '.avg_deal_size')
        if 'close_rate' in data_keys:
            data_keys.remove('close_rate')
            data__closerate = data['close_rate']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate_by_month(data__closerate, custom_formats, (name_prefix or 'data') + '.close_rate')
        if 'funnel' in data_keys:
            data_keys.remove('funnel')
            data__funnel = data['funnel']
            if not isinstance(data__funnel, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.funnel must be array', value=data__funnel, name='' + (name_prefix or 'data') + '.funnel', rule='type')
            data__funnel_is_list = isinstance(data__funnel, (list, tuple))
            if data__funnel_is_list:
                data__funnel_len = len(data__funnel)
                if data__funnel_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.funnel must contain at least 1 items', value=data__funnel, name='' + (name_prefix or 'data') + '.funnel', rule='minItems')
                for data__funnel_x, data__funnel_item in enumerate(data__funnel):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_funnel_stage(data__funnel_item, custom_formats, (name_prefix or 'data') + '.funnel[{data__funnel_x}]'.format(**locals()))
        if 'sales_cycle_months' in data_keys:
            data_keys.remove('sales_cycle_months')
            data__salescyclemonths = data['sales_cycle_months']
            if not isinstance(data__salescyclemonths, int) and (not (isinstance(data__salescyclemonths, float) and data__salescyclemonths.is_integer())) or isinstance(data__salescyclemonths, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sales_cycle_months must be integer', value=data__salescyclemonths, name='' + (name_prefix or 'data') + '.sales_cycle_months', rule='type')
            if isinstance(data__salescyclemonths, (int, float, Decimal)) and (not isinstance(data__salescyclemonths, bool)):
                if data__salescyclemonths < 0:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sales_cycle_months must be bigger than or equal to 0', value=data__salescyclemonths, name='' + (name_prefix or 'data') + '.sales_cycle_months', rule='minimum')
                if data__salescyclemonths > 24:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sales_cycle_months must be smaller than or equal to 24', value=data__salescyclemonths, name='' + (name_prefix or 'data') + '.sales_cycle_months', rule='maximum')
        if 'lead_value' in data_keys:
            data_keys.remove('lead_value')
            data__leadvalue = data['lead_value']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_money_by_month(data__leadvalue, custom_formats, (name_prefix or 'data') + '.lead_value')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_funnel_stage(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['stage', 'rate']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'stage' in data_keys:
            data_keys.remove('stage')
            data__stage = data['stage']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__stage, custom_formats, (name_prefix or 'data') + '.stage')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'rate' in data_keys:
            data_keys.remove('rate')
            data__rate = data['rate']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data__rate, custom_formats, (name_prefix or 'data') + '.rate')
        if 'sla' in data_keys:
            data_keys.remove('sla')
            data__sla = data['sla']
            if not isinstance(data__sla, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.sla must be boolean', value=data__sla, name='' + (name_prefix or 'data') + '.sla', rule='type')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_money_by_month(data, custom_formats={}, name_prefix=None):
    data_any_of_count5 = 0
    if not data_any_of_count5:
        try:
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_money(data, custom_formats, (name_prefix or 'data') + '')
            data_any_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count5:
        try:
            if not isinstance(data, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain at least 1 properties', value=data, name='' + (name_prefix or 'data') + '', rule='minProperties')
                data_keys = set(data.keys())
                for data_key in data_keys:
                    if data_key not in []:
                        data_value = data.get(data_key)
                        validate_https___slagen_dev_schemas_agreement_schema_json___defs_money(data_value, custom_formats, (name_prefix or 'data') + '.{data_key}'.format(**locals()))
                if data_len != 0:
                    data_property_names = True
                    for data_key in data:
                        try:
                            validate_https___slagen_dev_schemas_agreement_schema_json___defs_month(data_key, custom_formats, (name_prefix or 'data') + '')
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data_property_names = False
                    if not data_property_names:
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be named by propertyName definition', value=data, name='' + (name_prefix or 'data') + '', rule='propertyNames')
            data_any_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count5:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' cannot be validated by any definition', value=data, name='' + (name_prefix or 'data') + '', rule='anyOf')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_month(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-(0[1-9]|1[0-2])$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[0-9]{4}-(0[1-9]|1[0-2])$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_money(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (int, float, Decimal)) or isinstance(data, bool):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be number', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, (int, float, Decimal)) and (not isinstance(data, bool)):
        if data < 0:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be bigger than or equal to 0', value=data, name='' + (name_prefix or 'data') + '', rule='minimum')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate_by_month(data, custom_formats={}, name_prefix=None):
    data_any_of_count6 = 0
    if not data_any_of_count6:
        try:
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data, custom_formats, (name_prefix or 'data') + '')
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count6:
        try:
            if not isinstance(data, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain at least 1 properties', value=data, name='' + (name_prefix or 'data') + '', rule='minProperties')
                data_keys = set(data.keys())
                for data_key in data_keys:
                    if data_key not in []:
                        data_value = data.get(data_key)
                        validate_https___slagen_dev_schemas_agreement_schema_json___defs_rate(data_value, custom_formats, (name_prefix or 'data') + '.{data_key}'.format(**locals()))
                if data_len != 0:
                    data_property_names = True
                    for data_key in data:
                        try:
                            validate_https___slagen_dev_schemas_agreement_schema_json___defs_month(data_key, custom_formats, (name_prefix or 'data') + '')
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data_property_names = False
                    if not data_property_names:
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be named by propertyName definition', value=data, name='' + (name_prefix or 'data') + '', rule='propertyNames')
            data_any_of_count6 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count6:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' cannot be validated by any definition', value=data, name='' + (name_prefix or 'data') + '', rule='anyOf')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_revenue_goal(data, custom_formats={}, name_prefix=None):
    data_any_of_count7 = 0
    if not data_any_of_count7:
        try:
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_money_by_month(data, custom_formats, (name_prefix or 'data') + '')
            data_any_of_count7 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count7:
        try:
            if not isinstance(data, dict):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
            data_one_of_count8 = 0
            if data_one_of_count8 < 2:
                try:
                    data_is_dict = isinstance(data, dict)
                    if data_is_dict:
                        data__missing_keys = set(['total']) - data.keys()
                        if data__missing_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
                    data_one_of_count8 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data_one_of_count8 < 2:
                try:
                    data_is_dict = isinstance(data, dict)
                    if data_is_dict:
                        data__missing_keys = set(['quarters']) - data.keys()
                        if data__missing_keys:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
                    data_one_of_count8 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data_one_of_count8 != 1:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be valid exactly by one definition' + (' (' + str(data_one_of_count8) + ' matches found)'), value=data, name='' + (name_prefix or 'data') + '', rule='oneOf')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_keys = set(data.keys())
                if 'total' in data_keys:
                    data_keys.remove('total')
                    data__total = data['total']
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_money(data__total, custom_formats, (name_prefix or 'data') + '.total')
                if 'quarters' in data_keys:
                    data_keys.remove('quarters')
                    data__quarters = data['quarters']
                    if not isinstance(data__quarters, (list, tuple)):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.quarters must be array', value=data__quarters, name='' + (name_prefix or 'data') + '.quarters', rule='type')
                    data__quarters_is_list = isinstance(data__quarters, (list, tuple))
                    if data__quarters_is_list:
                        data__quarters_len = len(data__quarters)
                        if data__quarters_len < 1:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.quarters must contain at least 1 items', value=data__quarters, name='' + (name_prefix or 'data') + '.quarters', rule='minItems')
                        for data__quarters_x, data__quarters_item in enumerate(data__quarters):
                            validate_https___slagen_dev_schemas_agreement_schema_json___defs_money(data__quarters_item, custom_formats, (name_prefix or 'data') + '.quarters[{data__quarters_x}]'.format(**locals()))
                if 'weights' in data_keys:
                    data_keys.remove('weights')
                    data__weights = data['weights']
                    if not isinstance(data__weights, dict):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.weights must be object', value=data__weights, name='' + (name_prefix or 'data') + '.weights', rule='type')
                    data__weights_is_dict = isinstance(data__weights, dict)
                    if data__weights_is_dict:
                        data__weights_len = len(data__weights)
                        if data__weights_len < 1:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.weights must contain at least 1 properties', value=data__weights, name='' + (name_prefix or 'data') + '.weights', rule='minProperties')
                        data__weights_keys = set(data__weights.keys())
                        for data__weights_key in data__weights_keys:
                            if data__weights_key not in []:
                                data__weights_value = data__weights.get(data__weights_key)
                                if not isinstance(data__weights_value, (int, float, Decimal)) or isinstance(data__weights_value, bool):
                                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.weights.{data__weights_key}'.format(**locals()) + ' must be number', value=data__weights_value, name='' + (name_prefix or 'data') + '.weights.{data__weights_key}'.format(**locals()) + '', rule='type')
                                if isinstance(data__weights_value, (int, float, Decimal)) and (not isinstance(data__weights_value, bool)):
                                    if data__weights_value < 0:
                                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.weights.{data__weights_key}'.format(**locals()) + ' must be bigger than or equal to 0', value=data__weights_value, name='' + (name_prefix or 'data') + '.weights.{data__weights_key}'.format(**locals()) + '', rule='minimum')
                        if data__weights_len != 0:
                            data__weights_property_names = True
                            for data__weights_key in data__weights:
                                try:
                                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_month(data__weights_key, custom_formats, (name_prefix or 'data') + '.weights')
                                except (JsonSchemaValueException, JsonSchemaValuesException):
                                    data__weights_property_names = False
                            if not data__weights_property_names:
                                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.weights must be named by propertyName definition', value=data__weights, name='' + (name_prefix or 'data') + '.weights', rule='propertyNames')
                if data_keys:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
            data_any_of_count7 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if not data_any_of_count7:
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' cannot be validated by any definition', value=data, name='' + (name_prefix or 'data') + '', rule='anyOf')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_segment_group(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__id, custom_formats, (name_prefix or 'data') + '.id')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_service_level(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'metric', 'target', 'comparison', 'window']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__id, custom_formats, (name_prefix or 'data') + '.id')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'description' in data_keys:
            data_keys.remove('description')
            data__description = data['description']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__description, custom_formats, (name_prefix or 'data') + '.description')
        if 'metric' in data_keys:
            data_keys.remove('metric')
            data__metric = data['metric']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__metric, custom_formats, (name_prefix or 'data') + '.metric')
        if 'target' in data_keys:
            data_keys.remove('target')
            data__target = data['target']
            if not isinstance(data__target, (int, float, Decimal)) or isinstance(data__target, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.target must be number', value=data__target, name='' + (name_prefix or 'data') + '.target', rule='type')
        if 'unit' in data_keys:
            data_keys.remove('unit')
            data__unit = data['unit']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__unit, custom_formats, (name_prefix or 'data') + '.unit')
        if 'comparison' in data_keys:
            data_keys.remove('comparison')
            data__comparison = data['comparison']
            if not (isinstance(data__comparison, str) and data__comparison == '>=' or (isinstance(data__comparison, str) and data__comparison == '<=')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".comparison must be one of ['>=', '<=']", value=data__comparison, name='' + (name_prefix or 'data') + '.comparison', rule='enum')
        if 'window' in data_keys:
            data_keys.remove('window')
            data__window = data['window']
            if not (isinstance(data__window, str) and data__window == 'daily' or (isinstance(data__window, str) and data__window == 'weekly') or (isinstance(data__window, str) and data__window == 'monthly') or (isinstance(data__window, str) and data__window == 'quarterly')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".window must be one of ['daily', 'weekly', 'monthly', 'quarterly']", value=data__window, name='' + (name_prefix or 'data') + '.window', rule='enum')
        if 'measurement' in data_keys:
            data_keys.remove('measurement')
            data__measurement = data['measurement']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__measurement, custom_formats, (name_prefix or 'data') + '.measurement')
        if 'priority' in data_keys:
            data_keys.remove('priority')
            data__priority = data['priority']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__priority, custom_formats, (name_prefix or 'data') + '.priority')
        if 'customers_per_month' in data_keys:
            data_keys.remove('customers_per_month')
            data__customerspermonth = data['customers_per_month']
            if not isinstance(data__customerspermonth, int) and (not (isinstance(data__customerspermonth, float) and data__customerspermonth.is_integer())) or isinstance(data__customerspermonth, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.customers_per_month must be integer', value=data__customerspermonth, name='' + (name_prefix or 'data') + '.customers_per_month', rule='type')
            if isinstance(data__customerspermonth, (int, float, Decimal)) and (not isinstance(data__customerspermonth, bool)):
                if data__customerspermonth < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.customers_per_month must be bigger than or equal to 1', value=data__customerspermonth, name='' + (name_prefix or 'data') + '.customers_per_month', rule='minimum')
        if 'first_response' in data_keys:
            data_keys.remove('first_response')
            data__firstresponse = data['first_response']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_duration(data__firstresponse, custom_formats, (name_prefix or 'data') + '.first_response')
        if 'resolution' in data_keys:
            data_keys.remove('resolution')
            data__resolution = data['resolution']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_duration(data__resolution, custom_formats, (name_prefix or 'data') + '.resolution')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_contact(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['party', 'name', 'role']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'party' in data_keys:
            data_keys.remove('party')
            data__party = data['party']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__party, custom_formats, (name_prefix or 'data') + '.party')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'role' in data_keys:
            data_keys.remove('role')
            data__role = data['role']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__role, custom_formats, (name_prefix or 'data') + '.role')
        if 'email' in data_keys:
            data_keys.remove('email')
            data__email = data['email']
            if not isinstance(data__email, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be string', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='type')
            if isinstance(data__email, str):
                if not REGEX_PATTERNS['email_re_pattern'].match(data__email):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be email', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='format')
        if 'phone' in data_keys:
            data_keys.remove('phone')
            data__phone = data['phone']
            if not isinstance(data__phone, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.phone must be string', value=data__phone, name='' + (name_prefix or 'data') + '.phone', rule='type')
            if isinstance(data__phone, str):
                data__phone_len = len(data__phone)
                if data__phone_len < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.phone must be longer than or equal to 1 characters', value=data__phone, name='' + (name_prefix or 'data') + '.phone', rule='minLength')
        if 'responsibilities' in data_keys:
            data_keys.remove('responsibilities')
            data__responsibilities = data['responsibilities']
            if not isinstance(data__responsibilities, (list, tuple)):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.responsibilities must be array', value=data__responsibilities, name='' + (name_prefix or 'data') + '.responsibilities', rule='type')
            data__responsibilities_is_list = isinstance(data__responsibilities, (list, tuple))
            if data__responsibilities_is_list:
                data__responsibilities_len = len(data__responsibilities)
                for data__responsibilities_x, data__responsibilities_item in enumerate(data__responsibilities):
                    validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__responsibilities_item, custom_formats, (name_prefix or 'data') + '.responsibilities[{data__responsibilities_x}]'.format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_need(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['party', 'from', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'party' in data_keys:
            data_keys.remove('party')
            data__party = data['party']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__party, custom_formats, (name_prefix or 'data') + '.party')
        if 'from' in data_keys:
            data_keys.remove('from')
            data__from = data['from']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__from, custom_formats, (name_prefix or 'data') + '.from')
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__text, custom_formats, (name_prefix or 'data') + '.text')
        if 'cadence' in data_keys:
            data_keys.remove('cadence')
            data__cadence = data['cadence']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__cadence, custom_formats, (name_prefix or 'data') + '.cadence')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_objective(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['party', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'party' in data_keys:
            data_keys.remove('party')
            data__party = data['party']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__party, custom_formats, (name_prefix or 'data') + '.party')
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__text, custom_formats, (name_prefix or 'data') + '.text')
        if 'metric' in data_keys:
            data_keys.remove('metric')
            data__metric = data['metric']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__metric, custom_formats, (name_prefix or 'data') + '.metric')
        if 'target' in data_keys:
            data_keys.remove('target')
            data__target = data['target']
            data__target_any_of_count9 = 0
            if not data__target_any_of_count9:
                try:
                    if not isinstance(data__target, (int, float, Decimal)) or isinstance(data__target, bool):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.target must be number', value=data__target, name='' + (name_prefix or 'data') + '.target', rule='type')
                    data__target_any_of_count9 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if not data__target_any_of_count9:
                try:
                    if not isinstance(data__target, str):
                        raise JsonSchemaValueException('' + (name_prefix or 'data') + '.target must be string', value=data__target, name='' + (name_prefix or 'data') + '.target', rule='type')
                    if isinstance(data__target, str):
                        data__target_len = len(data__target)
                        if data__target_len < 1:
                            raise JsonSchemaValueException('' + (name_prefix or 'data') + '.target must be longer than or equal to 1 characters', value=data__target, name='' + (name_prefix or 'data') + '.target', rule='minLength')
                    data__target_any_of_count9 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if not data__target_any_of_count9:
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.target cannot be validated by any definition', value=data__target, name='' + (name_prefix or 'data') + '.target', rule='anyOf')
        if 'due' in data_keys:
            data_keys.remove('due')
            data__due = data['due']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__due, custom_formats, (name_prefix or 'data') + '.due')
        if 'money' in data_keys:
            data_keys.remove('money')
            data__money = data['money']
            if not isinstance(data__money, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.money must be boolean', value=data__money, name='' + (name_prefix or 'data') + '.money', rule='type')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_definition(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['term', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'term' in data_keys:
            data_keys.remove('term')
            data__term = data['term']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__term, custom_formats, (name_prefix or 'data') + '.term')
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__text, custom_formats, (name_prefix or 'data') + '.text')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be longer than or equal to 1 characters', value=data, name='' + (name_prefix or 'data') + '', rule='minLength')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_party(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'role', 'representative']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data__id, custom_formats, (name_prefix or 'data') + '.id')
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'role' in data_keys:
            data_keys.remove('role')
            data__role = data['role']
            if not (isinstance(data__role, str) and data__role == 'provider' or (isinstance(data__role, str) and data__role == 'recipient') or (isinstance(data__role, str) and data__role == 'both')):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + ".role must be one of ['provider', 'recipient', 'both']", value=data__role, name='' + (name_prefix or 'data') + '.role', rule='enum')
        if 'representative' in data_keys:
            data_keys.remove('representative')
            data__representative = data['representative']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_representative(data__representative, custom_formats, (name_prefix or 'data') + '.representative')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_representative(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__name, custom_formats, (name_prefix or 'data') + '.name')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data__title, custom_formats, (name_prefix or 'data') + '.title')
        if 'email' in data_keys:
            data_keys.remove('email')
            data__email = data['email']
            if not isinstance(data__email, str):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be string', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='type')
            if isinstance(data__email, str):
                if not REGEX_PATTERNS['email_re_pattern'].match(data__email):
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.email must be email', value=data__email, name='' + (name_prefix or 'data') + '.email', rule='format')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_revision_entry(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be object', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['number', 'date', 'summary']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must contain ' + (str(sorted(data__missing_keys)) + ' properties'), value=data, name='' + (name_prefix or 'data') + '', rule='required')
        data_keys = set(data.keys())
        if 'number' in data_keys:
            data_keys.remove('number')
            data__number = data['number']
            if not isinstance(data__number, int) and (not (isinstance(data__number, float) and data__number.is_integer())) or isinstance(data__number, bool):
                raise JsonSchemaValueException('' + (name_prefix or 'data') + '.number must be integer', value=data__number, name='' + (name_prefix or 'data') + '.number', rule='type')
            if isinstance(data__number, (int, float, Decimal)) and (not isinstance(data__number, bool)):
                if data__number < 1:
                    raise JsonSchemaValueException('' + (name_prefix or 'data') + '.number must be bigger than or equal to 1', value=data__number, name='' + (name_prefix or 'data') + '.number', rule='minimum')
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data__date, custom_formats, (name_prefix or 'data') + '.date')
        if 'summary' in data_keys:
            data_keys.remove('summary')
            data__summary = data['summary']
            validate_https___slagen_dev_schemas_agreement_schema_json___defs_markdown(data__summary, custom_formats, (name_prefix or 'data') + '.summary')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x_'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must not contain ' + str(data_keys) + ' properties', value=data, name='' + (name_prefix or 'data') + '', rule='additionalProperties')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
        if not REGEX_PATTERNS['date_re_pattern'].match(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be date', value=data, name='' + (name_prefix or 'data') + '', rule='format')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_plain(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be longer than or equal to 1 characters', value=data, name='' + (name_prefix or 'data') + '', rule='minLength')
    return data

def validate_https___slagen_dev_schemas_agreement_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must be string', value=data, name='' + (name_prefix or 'data') + '', rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data):
            raise JsonSchemaValueException('' + (name_prefix or 'data') + ' must match pattern ^[a-z0-9][a-z0-9-]*$', value=data, name='' + (name_prefix or 'data') + '', rule='pattern')
    return data


validate = validate_https___slagen_dev_schemas_agreement_schema_json

# The Markdown fields (field_checks.py).
MARKDOWN_FIELDS = (
    'amendment',
    'cancellation[].text',
    'consequences[].action',
    'definitions[].text',
    'history[].summary',
    'needs[].text',
    'objectives[].text',
    'reports[].content',
    'revision.summary',
    'service_levels[].description',
    'service_levels[].measurement',
    'summary',
)

# The currency codes Babel knows (babel.numbers.is_currency).
CURRENCIES = frozenset({
    'ADP', 'AED', 'AFA', 'AFN', 'ALK', 'ALL', 'AMD', 'ANG', 'AOA', 'AOK',
    'AON', 'AOR', 'ARA', 'ARL', 'ARM', 'ARP', 'ARS', 'ATS', 'AUD', 'AWG',
    'AZM', 'AZN', 'BAD', 'BAM', 'BAN', 'BBD', 'BDT', 'BEC', 'BEF', 'BEL',
    'BGL', 'BGM', 'BGN', 'BGO', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BOL',
    'BOP', 'BOV', 'BRB', 'BRC', 'BRE', 'BRL', 'BRN', 'BRR', 'BRZ', 'BSD',
    'BTN', 'BUK', 'BWP', 'BYB', 'BYN', 'BYR', 'BZD', 'CAD', 'CDF', 'CHE',
    'CHF', 'CHW', 'CLE', 'CLF', 'CLP', 'CNH', 'CNY', 'COP', 'COU', 'CRC',
    'CSD', 'CSK', 'CUC', 'CUP', 'CVE', 'CYP', 'CZK', 'DDM', 'DEM', 'DJF',
    'DKK', 'DOP', 'DZD', 'ECS', 'ECV', 'EEK', 'EGP', 'ERN', 'ESA', 'ESB',
    'ESP', 'ETB', 'EUR', 'FIM', 'FJD', 'FKP', 'FRF', 'GBP', 'GEK', 'GEL',
    'GHC', 'GHS', 'GIP', 'GMD', 'GNF', 'GNS', 'GQE', 'GRD', 'GTQ', 'GWE',
    'GWP', 'GYD', 'HKD', 'HNL', 'HRD', 'HRK', 'HTG', 'HUF', 'IDR', 'IEP',
    'ILP', 'ILR', 'ILS', 'INR', 'IQD', 'IRR', 'ISJ', 'ISK', 'ITL', 'JMD',
    'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRH', 'KRO', 'KRW',
    'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LTL', 'LTT',
    'LUC', 'LUF', 'LUL', 'LVL', 'LVR', 'LYD', 'MAD', 'MAF', 'MCF', 'MDC',
    'MDL', 'MGA', 'MGF', 'MKD', 'MKN', 'MLF', 'MMK', 'MNT', 'MOP', 'MRO',
    'MRU', 'MTL', 'MTP', 'MUR', 'MVP', 'MVR', 'MWK', 'MXN', 'MXP', 'MXV',
    'MYR', 'MZE', 'MZM', 'MZN', 'NAD', 'NGN', 'NIC', 'NIO', 'NLG', 'NOK',
    'NPR', 'NZD', 'OMR', 'PAB', 'PEI', 'PEN', 'PES', 'PGK', 'PHP', 'PKR',
    'PLN', 'PLZ', 'PTE', 'PYG', 'QAR', 'RHD', 'ROL', 'RON', 'RSD', 'RUB',
    'RUR', 'RWF', 'SAR', 'SBD', 'SCR', 'SDD', 'SDG', 'SDP', 'SEK', 'SGD',
    'SHP', 'SIT', 'SKK', 'SLE', 'SLL', 'SOS', 'SRD', 'SRG', 'SSP', 'STD',
    'STN', 'SUR', 'SVC', 'SYP', 'SZL', 'THB', 'TJR', 'TJS', 'TMM', 'TMT',
    'TND', 'TOP', 'TPE', 'TRL', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UAK',
    'UGS', 'UGX', 'USD', 'USN', 'USS', 'UYI', 'UYP', 'UYU', 'UYW', 'UZS',
    'VEB', 'VED', 'VEF', 'VES', 'VND', 'VNN', 'VUV', 'WST', 'XAD', 'XAF',
    'XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XCD', 'XCG', 'XDR', 'XEU',
    'XFO', 'XFU', 'XOF', 'XPD', 'XPF', 'XPT', 'XRE', 'XSU', 'XTS', 'XUA',
    'XXX', 'YDD', 'YER', 'YUD', 'YUM', 'YUN', 'YUR', 'ZAL', 'ZAR', 'ZMK',
    'ZMW', 'ZRN', 'ZRZ', 'ZWD', 'ZWG', 'ZWL', 'ZWR',
})
