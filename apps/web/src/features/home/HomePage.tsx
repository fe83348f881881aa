import { Card, Group, SimpleGrid, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/useSession';
import { useNavItems } from '../shell/useNavItems';

function greetingKey(hour: number): string {
  if (hour < 11) return 'home.greetingMorning';
  if (hour < 18) return 'home.greetingDay';
  return 'home.greetingEvening';
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const cards = useNavItems().filter((i) => i.onHome);
  return (
    <>
      <Title order={2} mb={4}>{t(greetingKey(new Date().getHours()), { name: user?.name ?? '' })}</Title>
      <Text c="dimmed" mb="lg">{t('home.intro')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {cards.map((item) => (
          <UnstyledButton key={item.key} component={Link} to={item.path} className="card-link">
            <Card withBorder radius="md" padding="lg" h="100%">
              <Group gap="sm" wrap="nowrap" mb="xs">
                <ThemeIcon variant="light" color="brand" size="lg" radius="md"><item.icon size={20} /></ThemeIcon>
                <Text fw={600}>{t(item.labelKey)}</Text>
              </Group>
              <Text size="sm" c="dimmed">{t(`${item.labelKey}Hint`)}</Text>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </>
  );
}
