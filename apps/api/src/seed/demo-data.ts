/** The demo committee: a mid-sized city CPPCC, as the README's demo logins describe. */
export const DEMO_PASSWORD = 'xieshang-demo';

export const DEMO_SECTORS = [
  '中国共产党', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '无党派人士',
  '经济界', '农业界', '教育界', '科学技术界', '医药卫生界', '文化艺术界', '社会福利和社会保障界',
];
export const DEMO_COMMITTEES = [
  '提案委员会', '经济委员会', '人口资源环境委员会', '教科卫体委员会', '社会和法制委员会', '文化文史和学习委员会',
];
export const DEMO_DEPARTMENTS = ['市发展和改革委员会', '市生态环境局', '市教育局'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = ['建国', '秀英', '志强', '丽华', '文博', '海燕', '国庆', '晓明', '雅琴', '振华', '静怡', '卫东', '春梅', '子涵', '明远', '慧敏', '立新', '红霞', '思远', '玉兰'];
const AFFILIATIONS = [
  '市第一人民医院 主任医师', '某科技有限公司 董事长', '市实验中学 校长', '某律师事务所 主任', '市农业科学研究院 研究员',
  '某大学 教授', '市文联 副主席', '某银行分行 行长', '市社会福利院 院长', '某建筑设计院 总工程师',
];

export interface DemoMember {
  email: string;
  name: string;
  sector: string;
  committee: string;
  standing: boolean;
  affiliation: string;
}

/** 40 members spread over every sector and committee; deterministic, so demos and tests agree. */
export function demoMembers(): DemoMember[] {
  return Array.from({ length: 40 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      email: `member${n}@demo.local`,
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length],
      sector: DEMO_SECTORS[i % DEMO_SECTORS.length],
      committee: DEMO_COMMITTEES[i % DEMO_COMMITTEES.length],
      standing: i % 4 === 0,
      affiliation: AFFILIATIONS[i % AFFILIATIONS.length],
    };
  });
}
