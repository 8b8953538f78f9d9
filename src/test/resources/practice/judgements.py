"""Writes judgements.tsv: graded relevance (0-3) of the approved seed practices for the judged queries.

Each query has an explicit rule over a practice's title, text (title, summary, description, evidence summary),
subjects, grades and risk factors, written after reading the practices of the topic (see docs/practice.md,
"Relevance evaluation"). 3 = exactly what was asked, 2 = clearly relevant, 1 = partly relevant; grade 0 is not
written. Run from the repository root: python3 src/test/resources/practice/judgements.py
"""
import json

ROWS = [json.loads(l) for l in open('seed-data/practices/practices.jsonl', encoding='utf-8')]
APPROVED = [r for r in ROWS if r['status'] == 'APPROVED']


class P:
    def __init__(self, r):
        c = r['content']
        self.id = r['id']
        self.title = c['title'].lower().replace('ё', 'е')
        self.text = ' '.join(str(c.get(k) or '') for k in ('title', 'summary', 'description', 'evidenceSummary')).lower().replace('ё', 'е')
        self.subjects = set(c['subjects'])
        self.grades = set(c['grades'])
        self.risks = set(c['riskFactors'])

    def t(self, *words):
        return any(w in self.title for w in words)

    def x(self, *words):
        return any(w in self.text for w in words)


def grade(*levels):
    """First matching level wins: grade(3 if a else None, 2 if b else None, ...)."""
    for level in levels:
        if level:
            return level
    return 0


def ge(p, cond3, cond2=False, cond1=False):
    return 3 if cond3 else 2 if cond2 else 1 if cond1 else 0


LITERACY = {'READING_LITERACY', 'MATH_LITERACY', 'SCIENCE_LITERACY'}
Q = {}
Q['работа с родителями'] = lambda p: ge(p, 'LOW_PARENTAL_INVOLVEMENT' in p.risks and p.t('родител', 'семь', 'семей', 'дневник'),
                                        'LOW_PARENTAL_INVOLVEMENT' in p.risks or p.t('родител'))
Q['дети-мигранты русский язык'] = lambda p: ge(p, 'LANGUAGE_BARRIER' in p.risks and p.t('мигрант', 'инофон', 'неродн', 'по-русски', 'языков'),
                                               'LANGUAGE_BARRIER' in p.risks)
Q['методическая помощь учителям'] = lambda p: ge(p, p.t('методическ', 'методист') and 'LOW_TEACHER_QUALIFICATION' in p.risks,
                                                 'LOW_TEACHER_QUALIFICATION' in p.risks and p.t('учител'),
                                                 'LOW_TEACHER_QUALIFICATION' in p.risks)
Q['наставнечество'] = lambda p: ge(p, p.t('наставни'), p.x('наставни'))
Q['наставничество молодых учителей'] = lambda p: ge(p, p.t('наставни') and p.t('молод', 'учитель — учитель'),
                                                    p.x('наставни') and p.x('молод'), p.t('наставни', 'молод'))
Q['функциональная грамотность'] = lambda p: ge(p, bool(p.subjects & LITERACY) or p.t('грамотност'),
                                               p.t('смыслов', 'читательск'))
Q['функциональная грамотность 8 класс'] = lambda p: ge(p, (bool(p.subjects & LITERACY) or p.t('грамотност', 'смыслов', 'читательск')) and 8 in p.grades,
                                                       bool(p.subjects & LITERACY) or p.t('грамотност'),
                                                       p.t('смыслов', 'читательск'))
Q['подготовка к ОГЭ по математике в малокомплектной школе'] = lambda p: ge(
    p, p.x('огэ') and 'MATHEMATICS' in p.subjects,
    p.x('огэ') and (p.x('малокомплект') or 'REMOTENESS' in p.risks) or (p.x('малокомплект') and 'MATHEMATICS' in p.subjects and 9 in p.grades),
    p.x('огэ') or (p.t('малокомплект') and 'MATHEMATICS' in p.subjects))
Q['ШНОР'] = lambda p: ge(p, p.t('шнор', 'низкими результатами'), p.x('шнор', 'низкими результатами', 'низкими образовательными'))
Q['школы с низкими результатами'] = Q['ШНОР']
Q['молодой специалист'] = lambda p: ge(p, p.t('молод'), p.x('молодых учител', 'молодых педагог', 'молодые учител', 'молодые педагог'))
Q['ГИА-9 русский язык'] = lambda p: ge(p, p.x('огэ') and 'RUSSIAN' in p.subjects, p.x('огэ'), 'RUSSIAN' in p.subjects and 9 in p.grades)
Q['малочисленная школа'] = lambda p: ge(p, p.t('малокомплект', 'объединенные классы', 'разновозраст'), p.x('малокомплект'))
Q['инофоны'] = lambda p: ge(p, p.t('инофон', 'мигрант', 'неродн', 'по-русски'), 'LANGUAGE_BARRIER' in p.risks)
Q['русский как неродной'] = Q['инофоны']
Q['травля в классе'] = lambda p: ge(p, p.t('травл', 'буллинг'), p.t('медиац', 'примирен'), 'DEVIANT_BEHAVIOUR' in p.risks and p.x('конфликт', 'травл'))
Q['дети с ОВЗ инклюзия'] = lambda p: ge(p, 'SPECIAL_NEEDS' in p.risks and p.t('овз', 'инклюз', 'аутист', 'ресурсн'),
                                        'SPECIAL_NEEDS' in p.risks, p.x('овз'))
Q['профориентация старшеклассников'] = lambda p: ge(p, p.t('профориент', 'профессиональные пробы'), p.t('целевое обучение'), p.x('профориент'))
Q['олимпиадная подготовка по физике'] = lambda p: ge(p, p.t('олимпиад') and 'PHYSICS' in p.subjects, p.t('олимпиад'), 'PHYSICS' in p.subjects and p.x('олимпиад'))
Q['оборудование Точки роста'] = lambda p: ge(p, p.x('точки роста', 'точка роста'), 'WEAK_MATERIAL_BASE' in p.risks and p.t('оборудован', 'лаборатор', 'кабинет'),
                                             'WEAK_MATERIAL_BASE' in p.risks)
Q['нехватка учителей физики'] = lambda p: ge(p, 'STAFF_SHORTAGE' in p.risks and 'PHYSICS' in p.subjects,
                                             'STAFF_SHORTAGE' in p.risks and p.t('учител', 'преподаван', 'кадров'),
                                             'STAFF_SHORTAGE' in p.risks)
Q['сетевое взаимодействие с опорной школой'] = lambda p: ge(p, p.t('опорн'), p.t('сетев'), p.x('опорн', 'сетев'))
Q['ВПР математика 5 класс'] = lambda p: ge(p, p.x('впр') and 'MATHEMATICS' in p.subjects and 5 in p.grades,
                                           p.x('впр') and 'MATHEMATICS' in p.subjects, 'MATHEMATICS' in p.subjects and 5 in p.grades)
Q['разновозрастный урок'] = lambda p: ge(p, p.t('разновозраст'), p.t('объединенные классы'), p.t('малокомплект'))
Q['смысловое чтение'] = lambda p: ge(p, p.t('смыслов'), p.t('читательск', 'чтени'), 'READING_LITERACY' in p.subjects)
Q['читательская грамотность в начальной школе'] = lambda p: ge(
    p, ('READING_LITERACY' in p.subjects or p.t('читательск')) and min(p.grades or {9}) <= 4,
    'READING_LITERACY' in p.subjects or p.t('читательск', 'смыслов'))
Q['естественнонаучная грамотность'] = lambda p: ge(p, 'SCIENCE_LITERACY' in p.subjects or p.t('естественнонауч'),
                                                   p.t('лаборатор', 'опыты') and bool(p.subjects & {'PHYSICS', 'CHEMISTRY', 'BIOLOGY', 'SURROUNDING_WORLD'}),
                                                   bool(p.subjects & LITERACY))
Q['математическая грамотность задачи из жизни'] = lambda p: ge(p, 'MATH_LITERACY' in p.subjects or (p.t('задачи из жизни', 'практико-ориентирован') and 'MATHEMATICS' in p.subjects),
                                                               p.t('задачи из жизни', 'практико-ориентирован'), 'MATHEMATICS' in p.subjects and p.x('из жизни'))
Q['ИОМ педагога'] = lambda p: ge(p, p.t('иом', 'индивидуальные образовательные маршруты учител'), p.t('дефицит'), p.x('иом', 'индивидуальн образовательн маршрут'))
Q['психолого-педагогический консилиум'] = lambda p: ge(p, p.t('консилиум'), p.t('команда сопровождения'), p.x('консилиум', 'ппк'))
Q['дефектолог для сельской школы'] = lambda p: ge(p, p.t('дефектолог'), p.x('дефектолог') and 'SPECIAL_NEEDS' in p.risks, p.x('дефектолог'))
Q['подростки группы риска'] = lambda p: ge(p, p.t('группы риска') and 'DEVIANT_BEHAVIOUR' in p.risks, 'DEVIANT_BEHAVIOUR' in p.risks,
                                           p.t('группы риска'))
Q['школа полного дня'] = lambda p: ge(p, p.t('полного дня'), p.t('продленный день', 'учебный час после уроков', 'второй половине дня'))
Q['семьи в трудной жизненной ситуации'] = lambda p: ge(p, p.t('трудной жизненной', 'социальный паспорт', 'малообеспеч'), 'SOCIAL_DISADVANTAGE' in p.risks)
Q['дистанционное обучение в отдаленных селах'] = lambda p: ge(p, 'REMOTENESS' in p.risks and p.t('дистанц', 'видеосвяз', 'онлайн'),
                                                             'REMOTENESS' in p.risks and p.x('дистанц', 'видеосвяз', 'онлайн'), 'REMOTENESS' in p.risks)
Q['низкая мотивация к учебе'] = lambda p: ge(p, 'LOW_MOTIVATION' in p.risks and p.x('мотивац'), 'LOW_MOTIVATION' in p.risks)
Q['игровые технологии'] = lambda p: ge(p, p.t('игров', 'геймификац'), p.x('игров', 'геймификац'))
Q['формирующее оценивание'] = lambda p: ge(p, p.t('формирующ', 'критерии успеха'), p.x('формирующ', 'обратн связ'))
Q['профессиональное сообщество учителей'] = lambda p: ge(p, p.t('сообществ', 'методическое объединение', 'онлайн-мо', 'кафедр'),
                                                         p.t('взаимопосещ', 'стажировоч'), p.x('сообществ'))
Q['кадровый резерв учителей информатики'] = lambda p: ge(p, p.t('кадровый резерв') or (p.t('информатик') and 'STAFF_SHORTAGE' in p.risks),
                                                         p.t('целевое обучение', 'совместительств'), 'STAFF_SHORTAGE' in p.risks)
Q['группы выравнивания 1 класс'] = lambda p: ge(p, p.t('выравнивания') and 1 in p.grades, p.t('выравнивания'), 'LEARNING_DIFFICULTIES' in p.risks and 1 in p.grades)
Q['медиация конфликтов'] = lambda p: ge(p, p.t('медиац', 'примирен'), p.x('медиац', 'примирен'), p.t('совет профилактики', 'травл'))
Q['подвоз и питание'] = lambda p: ge(p, p.t('подвоз'), p.t('питани'), p.x('подвоз'))
Q['"школа полного дня" -питание'] = lambda p: 0 if p.x('питани') else ge(p, p.t('полного дня'), p.x('полного дня'))
Q['наставничество -подростков'] = lambda p: 0 if p.x('подростк') else Q['наставнечество'](p)
Q['ОГЭ OR ЕГЭ русский язык'] = lambda p: ge(p, p.x('огэ', 'егэ') and 'RUSSIAN' in p.subjects, p.x('огэ', 'егэ'))
Q['🙂 дети с ОВЗ'] = lambda p: ge(p, 'SPECIAL_NEEDS' in p.risks and p.t('овз', 'инклюз', 'аутист'), 'SPECIAL_NEEDS' in p.risks)
Q['5 кл. русский язык неуспевающие'] = lambda p: ge(p, 'RUSSIAN' in p.subjects and 5 in p.grades and 'LEARNING_DIFFICULTIES' in p.risks,
                                                    'RUSSIAN' in p.subjects and 'LEARNING_DIFFICULTIES' in p.risks,
                                                    'LEARNING_DIFFICULTIES' in p.risks and 5 in p.grades)
Q['лабораторные работы по физике 8-9 классы'] = lambda p: ge(p, 'PHYSICS' in p.subjects and p.t('лаборатор', 'кабинет') and bool({8, 9} & p.grades),
                                                            'PHYSICS' in p.subjects and p.t('лаборатор', 'кабинет', 'оборудован', 'тренажер'),
                                                            p.t('лаборатор', 'кабинет'))
Q['молодой педагог'] = Q['молодой специалист']
Q['тьютор для девятиклассников'] = lambda p: ge(p, p.t('тьютор') and 9 in p.grades, p.t('тьютор'), p.x('тьютор'))
Q['адаптированные задания для детей с ОВЗ по математике'] = lambda p: ge(p, p.t('адаптир') and 'MATHEMATICS' in p.subjects,
                                                                         p.t('адаптир'), 'SPECIAL_NEEDS' in p.risks and 'MATHEMATICS' in p.subjects)
Q['AND родители NOT мигранты'] = lambda p: 0 if p.x('мигрант') else Q['работа с родителями'](p)

with open('src/test/resources/practice/judgements.tsv', 'w', encoding='utf-8') as out:
    out.write('# query\tpractice\tgrade (3 exact, 2 relevant, 1 partly); generated by judgements.py, see docs/practice.md\n')
    for query, rule in Q.items():
        judged = [(p.id, rule(p)) for p in map(P, APPROVED)]
        judged = [(i, g) for i, g in judged if g > 0]
        assert judged, query
        for i, g in judged:
            out.write(f'{query}\t{i}\t{g}\n')
        print(f'{len(judged):4d} relevant ({sum(1 for _, g in judged if g == 3):3d} grade 3): {query}')
print(len(Q), 'queries')
